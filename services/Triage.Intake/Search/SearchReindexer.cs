using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Fhir;

namespace Triage.Intake.Search;

/// <summary>How far a reindex has come: resources done of those there are, and the index rows written for them.</summary>
public sealed record ReindexProgress(int Resources, int Total, int IndexRows);

/// <summary>
/// Rebuilds the search index rows of every current resource from its stored JSON, a batch at a time: after a search
/// parameter was added or changed, the resources stored before are found by it only once they are reindexed. Each batch
/// is read and rewritten in one write transaction, so a resource updated meanwhile keeps the rows of its new version;
/// the server may keep serving.
/// </summary>
/// <param name="batchSize">Resources a transaction.</param>
public sealed class SearchReindexer(TriageDbContext db, int batchSize = SearchReindexer.DefaultBatchSize)
{
    public const int DefaultBatchSize = 500;

    public async Task<ReindexProgress> ReindexAsync(IProgress<ReindexProgress>? progress, CancellationToken cancellationToken)
    {
        var total = await db.Resources.CountAsync(r => r.IsCurrent, cancellationToken);
        var (resources, indexRows) = (0, 0);
        (string Type, string Id)? after = null;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var query = db.Resources.AsNoTracking().Where(r => r.IsCurrent);
            if (after is var (type, id))
            {
                query = query.Where(r => string.Compare(r.ResourceType, type) > 0 || (r.ResourceType == type && string.Compare(r.ResourceId, id) > 0));
            }

            var batch = await query.OrderBy(r => r.ResourceType).ThenBy(r => r.ResourceId).Take(batchSize)
                .Select(r => new { r.ResourceType, r.ResourceId, r.Json }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var ofType in batch.GroupBy(r => r.ResourceType))
            {
                var ids = ofType.Select(r => r.ResourceId).ToList();
                await db.SearchIndex.Where(e => e.ResourceType == ofType.Key && ids.Contains(e.ResourceId)).ExecuteDeleteAsync(cancellationToken);
            }

            var rows = batch.SelectMany(r => SearchIndexer.EntriesOf(FhirJson.Parse(r.Json))).ToList();
            db.SearchIndex.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();

            (resources, indexRows) = (resources + batch.Count, indexRows + rows.Count);
            after = (batch[^1].ResourceType, batch[^1].ResourceId);
            progress?.Report(new ReindexProgress(resources, Math.Max(total, resources), indexRows));
        }

        return new ReindexProgress(resources, Math.Max(total, resources), indexRows);
    }
}
