using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Resources;
using Triage.Fhir;

namespace Triage.Intake.Search;

/// <summary>One page of a search: the matches in order, what <c>_include</c> added, the total, and where the next page starts.</summary>
public sealed record SearchPage(int Total, IReadOnlyList<Resource> Matches, IReadOnlyList<Resource> Included, SearchCursor? Next);

/// <summary>
/// Runs a type-level search over the current versions of stored resources, newest <c>lastUpdated</c> first (then id),
/// a page at a time from a keyset cursor.
/// </summary>
public sealed class ResourceSearcher(TriageDbContext db)
{
    public async Task<SearchPage> SearchAsync(string type, SearchRequest search, CancellationToken cancellationToken)
    {
        var query = db.Resources.AsNoTracking().Where(r => r.ResourceType == type && r.IsCurrent);
        var criteria = new SearchCriteria(db, type);
        foreach (var criterion in search.Criteria)
        {
            query = criteria.Apply(query, criterion);
        }

        var total = await query.CountAsync(cancellationToken);
        if (search.Count == 0)
        {
            return new SearchPage(total, [], [], null);
        }

        if (search.Cursor is { } cursor)
        {
            var (at, id) = (cursor.LastUpdated, cursor.ResourceId);
            query = query.Where(r => r.LastUpdated < at || (r.LastUpdated == at && string.Compare(r.ResourceId, id) < 0));
        }

        var rows = await query.OrderByDescending(r => r.LastUpdated).ThenByDescending(r => r.ResourceId)
            .Take(search.Count + 1).Select(r => new { r.LastUpdated, r.ResourceId, r.Json }).ToListAsync(cancellationToken);
        var page = rows.Take(search.Count).ToList();
        var next = rows.Count > search.Count ? new SearchCursor(page[^1].LastUpdated, page[^1].ResourceId) : null;
        var matches = page.Select(r => FhirJson.Parse(r.Json)).ToList();
        return new SearchPage(total, matches, await IncludedAsync(matches, search.Includes, cancellationToken), next);
    }

    private async Task<IReadOnlyList<Resource>> IncludedAsync(
        IReadOnlyList<Resource> matches, IReadOnlyList<IncludePath> includes, CancellationToken cancellationToken)
    {
        var matched = matches.Select(m => $"{m.TypeName}/{m.Id}").ToHashSet();
        var wanted = includes.SelectMany(i => matches.SelectMany(i.References))
            .Select(r => SearchIndexer.Normalise(r?.Reference)).OfType<string>()
            .Where(r => !matched.Contains(r)).Distinct().ToList();
        List<Resource> included = [];
        foreach (var byType in wanted.GroupBy(r => r.Split('/')[0]))
        {
            var ids = byType.Select(r => r.Split('/')[1]).ToList();
            var rows = await db.Resources.AsNoTracking()
                .Where(r => r.ResourceType == byType.Key && r.IsCurrent && ids.Contains(r.ResourceId))
                .OrderBy(r => r.ResourceId).Select(r => r.Json).ToListAsync(cancellationToken);
            included.AddRange(rows.Select(FhirJson.Parse));
        }

        return included;
    }
}
