using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Resources;
using Triage.Fhir;

namespace Triage.Intake.Search;

/// <summary>
/// One page of a search: the matches in order, what <c>_include</c> and <c>_revinclude</c> added (each once, no match
/// among them), the total (unless not asked for), where the next page starts, and what the page itself has to say (resources left out).
/// </summary>
public sealed record SearchPage(
    int? Total, IReadOnlyList<Resource> Matches, IReadOnlyList<Resource> Included, SearchCursor? Next,
    IReadOnlyList<OperationOutcome.IssueComponent> Warnings);

/// <summary>
/// Runs a type-level search over the current versions of stored resources, in the order of its <c>_sort</c> (newest
/// <c>lastUpdated</c> first by default), a page at a time from a keyset cursor.
/// </summary>
public sealed class ResourceSearcher(TriageDbContext db, IOptions<IntakeOptions> options)
{
    /// <summary>How many times <c>_include:iterate</c> is followed from what the previous time included.</summary>
    public const int MaxIncludeRounds = 3;

    public async Task<SearchPage> SearchAsync(string type, SearchRequest search, CancellationToken cancellationToken)
    {
        var query = db.Resources.AsNoTracking().Where(r => r.ResourceType == type && r.IsCurrent);
        var criteria = new SearchCriteria(db, type);
        foreach (var criterion in search.Criteria)
        {
            query = criteria.Apply(query, criterion);
        }

        int? total = search.CountsTotal || search.Count == 0 ? await query.CountAsync(cancellationToken) : null;
        if (search.Count == 0)
        {
            return new SearchPage(total, [], [], null, []);
        }

        var (rows, next) = await new SearchOrder(db, type, search.Sort).PageAsync(query, search.Cursor, search.Count, cancellationToken);
        var matches = rows.Select(r => FhirJson.Parse(r.Json)).ToList();
        var included = await IncludedAsync(matches, search.Includes, cancellationToken);
        included = [.. included, .. await IteratedAsync(matches, included, search.IteratedIncludes, cancellationToken)];
        var limit = options.Value.MaxRevIncludes;
        var revIncluded = await RevIncludedAsync(type, matches, search.RevIncludes, limit + 1, cancellationToken);
        List<OperationOutcome.IssueComponent> warnings = [];
        if (revIncluded.Count > limit)
        {
            revIncluded = [.. revIncluded.Take(limit)];
            warnings.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Warning,
                Code = OperationOutcome.IssueType.TooCostly,
                Diagnostics = $"_revinclude added more than {limit} resources to this page; only the first {limit} are here. " +
                              "Ask for fewer matches a page (_count) or fewer _revinclude paths.",
            });
        }

        var seen = matches.Select(Key).ToHashSet();
        return new SearchPage(total, matches, [.. included.Concat(revIncluded).Where(r => seen.Add(Key(r)))], next, warnings);
    }

    private static string Key(Resource resource) => $"{resource.TypeName}/{resource.Id}";

    /// <summary>The resources that refer to a match by each <c>_revinclude</c>, in id order, at most <paramref name="most"/>.</summary>
    private async Task<IReadOnlyList<Resource>> RevIncludedAsync(
        string type, IReadOnlyList<Resource> matches, IReadOnlyList<RevIncludePath> revIncludes, int most, CancellationToken cancellationToken)
    {
        var ids = matches.Select(m => m.Id!).ToList();
        var references = ids.Select(id => $"{type}/{id}").ToList();
        List<Resource> included = [];
        foreach (var path in revIncludes)
        {
            var (source, name) = (path.SourceType, path.Name);
            var rows = db.Resources.AsNoTracking().Where(r => r.ResourceType == source && r.IsCurrent);
            rows = path.ThroughPatient
                ? rows.Where(r => r.PatientId != null && ids.Contains(r.PatientId))
                : rows.Where(r => db.SearchIndex.Any(s => s.ResourceType == source && s.ResourceId == r.ResourceId && s.Name == name
                    && references.Contains(s.Value!)));
            var json = await rows.OrderBy(r => r.ResourceId).Select(r => r.Json).Take(most - included.Count).ToListAsync(cancellationToken);
            included.AddRange(json.Select(FhirJson.Parse));
            if (included.Count >= most)
            {
                break;
            }
        }

        return included;
    }

    /// <summary>
    /// <c>_include:iterate</c>: the paths followed from the matches and from everything included, round after round,
    /// until a round adds nothing new or <see cref="MaxIncludeRounds"/> rounds have run.
    /// </summary>
    private async Task<IReadOnlyList<Resource>> IteratedAsync(
        IReadOnlyList<Resource> matches, IReadOnlyList<Resource> included, IReadOnlyList<IncludePath> paths, CancellationToken cancellationToken)
    {
        List<Resource> added = [];
        var seen = matches.Concat(included).Select(Key).ToHashSet();
        IReadOnlyList<Resource> frontier = [.. matches, .. included];
        for (var round = 0; round < MaxIncludeRounds && paths.Count > 0 && frontier.Count > 0; round++)
        {
            frontier = [.. (await IncludedAsync(frontier, paths, cancellationToken)).Where(r => seen.Add(Key(r)))];
            added.AddRange(frontier);
        }

        return added;
    }

    /// <summary>The resources <paramref name="includes"/> name from those of <paramref name="from"/> of each path's source type.</summary>
    private async Task<IReadOnlyList<Resource>> IncludedAsync(
        IReadOnlyList<Resource> from, IReadOnlyList<IncludePath> includes, CancellationToken cancellationToken)
    {
        var wanted = includes.SelectMany(i => from.Where(r => r.TypeName == i.SourceType).SelectMany(i.References))
            .Select(r => SearchIndexer.Normalise(r?.Reference)).OfType<string>().Distinct().ToList();
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
