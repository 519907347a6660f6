using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Resources;

namespace Triage.Intake.Search;

/// <summary>A stored resource with the key it is sorted by.</summary>
internal sealed class SortedRow
{
    public DateTimeOffset Key { get; init; }

    public required string ResourceId { get; init; }

    public required string Json { get; init; }
}

/// <summary>
/// Puts matches in the order of a <see cref="SearchSort"/> and reads one page of them after a cursor (keyset paging).
/// A date parameter sorts by the start of the resource's date; resources without one come last either way.
/// </summary>
internal sealed class SearchOrder(TriageDbContext db, string type, SearchSort sort)
{
    public async Task<(List<SortedRow> Page, SearchCursor? Next)> PageAsync(
        IQueryable<FhirResourceRecord> matches, SearchCursor? cursor, int count, CancellationToken cancellationToken)
    {
        var rows = Keyed(matches);
        if (cursor is not null)
        {
            var (at, id) = (cursor.Key, cursor.ResourceId);
            rows = sort.Descending
                ? rows.Where(r => r.Key < at || (r.Key == at && string.Compare(r.ResourceId, id) < 0))
                : rows.Where(r => r.Key > at || (r.Key == at && string.Compare(r.ResourceId, id) > 0));
        }

        var ordered = sort.Descending
            ? rows.OrderByDescending(r => r.Key).ThenByDescending(r => r.ResourceId)
            : rows.OrderBy(r => r.Key).ThenBy(r => r.ResourceId);
        var read = await ordered.Take(count + 1).ToListAsync(cancellationToken);
        var page = read.Take(count).ToList();
        var next = read.Count > count ? new SearchCursor(sort.Value, page[^1].Key, page[^1].ResourceId) : null;
        return (page, next);
    }

    private IQueryable<SortedRow> Keyed(IQueryable<FhirResourceRecord> matches)
    {
        if (sort.Key.Kind == SearchKind.LastUpdated)
        {
            return matches.Select(r => new SortedRow { Key = r.LastUpdated, ResourceId = r.ResourceId, Json = r.Json });
        }

        var name = sort.Key.Name;
        var missing = sort.Descending ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;
        return matches.Select(r => new SortedRow
        {
            Key = db.SearchIndex.Where(s => s.ResourceType == type && s.ResourceId == r.ResourceId && s.Name == name).Min(s => s.Start) ?? missing,
            ResourceId = r.ResourceId,
            Json = r.Json,
        });
    }
}
