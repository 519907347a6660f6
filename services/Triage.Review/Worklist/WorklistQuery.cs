using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Domain.Cases;
using Triage.Domain.Diagnoses;
using Triage.Domain.Review;

namespace Triage.Review.Worklist;

/// <summary>One line of the worklist.</summary>
public sealed record WorklistEntry(
    Guid CaseId,
    Guid ImageId,
    WorklistStatus Status,
    Diagnosis Suggested,
    double CancerProbability,
    bool Escalated,
    string DecidedBy,
    DateTimeOffset FlaggedAt,
    string? ClaimedBy,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt);

/// <param name="Open">Counts over all flagged cases, whatever the filter.</param>
public sealed record WorklistPage(IReadOnlyList<WorklistEntry> Entries, int Page, int PageCount, int Matching, int Open, int InReview, int Done);

/// <summary>
/// The flagged cases, filtered, most urgent first (<see cref="ReviewUrgencyOrder"/>; decided cases newest decision first),
/// a page at a time. The rows are narrow, so the order is the domain rule applied in memory rather than a copy of it in SQL;
/// decided cases are read only when the filter shows them, and counted on the status index.
/// </summary>
public sealed class WorklistQuery(TriageDbContext db, IOptions<ReviewUiOptions> options, TimeProvider clock)
{
    public async Task<WorklistPage> RunAsync(WorklistFilter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Decided cases pile up for as long as the platform runs: they are read only when the filter shows them.
        var withDecided = filter.Status is WorklistStatus.Done or WorklistStatus.All;
        var cases = withDecided
            ? db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.FlaggedForReview || c.Status == CaseStatus.Reviewed)
            : db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.FlaggedForReview);
        var rows = await (
            from c in cases
            join r in db.CaseResults.AsNoTracking() on c.Id equals r.CaseId
            select new
            {
                c.Id, c.ImageId, c.Status, c.FlaggedAt, c.UpdatedAt, c.ReviewClaimedBy, c.ReviewClaimedUntil, c.ReviewedBy, c.ReviewedAt,
                r.SuggestedDiagnosis, r.CancerProbability, r.EscalationReasons, r.DecidedBy,
            }).ToListAsync(cancellationToken);

        var all = rows.Select(row =>
        {
            var claimed = row.ReviewClaimedUntil is { } until && until > now ? row.ReviewClaimedBy : null;
            var status = row.Status == CaseStatus.Reviewed ? WorklistStatus.Done : claimed is null ? WorklistStatus.Open : WorklistStatus.InReview;
            Diagnoses.TryParse(row.SuggestedDiagnosis, out var suggested);
            return new WorklistEntry(row.Id, row.ImageId, status, suggested, row.CancerProbability, row.EscalationReasons.Length > 0, row.DecidedBy,
                row.FlaggedAt ?? row.UpdatedAt, claimed, row.ReviewedBy, row.ReviewedAt);
        }).ToList();

        var matching = all.Where(e => Matches(e, filter, now)).ToList();
        IEnumerable<WorklistEntry> ordered = filter.Status == WorklistStatus.Done
            ? matching.OrderByDescending(e => e.ReviewedAt)
            : matching.OrderBy(e => new ReviewUrgency(e.CancerProbability, e.Escalated, e.FlaggedAt), ReviewUrgencyOrder.MostUrgentFirst)
                .ThenBy(e => e.CaseId);

        var size = Math.Max(1, options.Value.PageSize);
        var pageCount = Math.Max(1, (matching.Count + size - 1) / size);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        return new WorklistPage(
            [.. ordered.Skip((page - 1) * size).Take(size)],
            page,
            pageCount,
            matching.Count,
            all.Count(e => e.Status == WorklistStatus.Open),
            all.Count(e => e.Status == WorklistStatus.InReview),
            await db.Cases.CountAsync(c => c.Status == CaseStatus.Reviewed, cancellationToken));
    }

    private static bool Matches(WorklistEntry entry, WorklistFilter filter, DateTimeOffset now)
    {
        var status = filter.Status switch
        {
            WorklistStatus.Waiting => entry.Status is WorklistStatus.Open or WorklistStatus.InReview,
            WorklistStatus.All => true,
            _ => entry.Status == filter.Status,
        };
        var waited = now - entry.FlaggedAt;
        var age = filter.Age switch
        {
            CaseAge.Today => waited < TimeSpan.FromDays(1),
            CaseAge.ThisWeek => waited < TimeSpan.FromDays(7),
            CaseAge.OlderThanAWeek => waited >= TimeSpan.FromDays(7),
            _ => true,
        };
        return status && age && (filter.Suggested is not { } suggested || entry.Suggested == suggested);
    }
}
