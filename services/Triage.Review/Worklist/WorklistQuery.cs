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
/// a page at a time. The waiting cases are few and narrow, so their order is the domain rule applied in memory rather
/// than a copy of it in SQL. Decided cases pile up for as long as the platform runs: the done filter filters, counts and
/// pages them in SQL; only the all-cases filter reads them all.
/// </summary>
public sealed class WorklistQuery(TriageDbContext db, IOptions<ReviewUiOptions> options, TimeProvider clock)
{
    public async Task<WorklistPage> RunAsync(WorklistFilter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var size = Math.Max(1, options.Value.PageSize);
        var waiting = (await Rows(CaseStatus.FlaggedForReview).ToListAsync(cancellationToken)).Select(r => ToEntry(r, now)).ToList();
        var open = waiting.Count(e => e.Status == WorklistStatus.Open);
        var inReview = waiting.Count(e => e.Status == WorklistStatus.InReview);
        var done = await db.Cases.CountAsync(c => c.Status == CaseStatus.Reviewed, cancellationToken);
        if (filter.Status == WorklistStatus.Done)
        {
            var decided = Filtered(Rows(CaseStatus.Reviewed), filter, now);
            var decidedMatching = await decided.CountAsync(cancellationToken);
            var (decidedPage, decidedPages) = Paging(filter.Page, decidedMatching, size);
            var rows = await decided.OrderByDescending(r => r.ReviewedAt).ThenBy(r => r.Id)
                .Skip((decidedPage - 1) * size).Take(size).ToListAsync(cancellationToken);
            return new WorklistPage([.. rows.Select(r => ToEntry(r, now))], decidedPage, decidedPages, decidedMatching, open, inReview, done);
        }

        IEnumerable<WorklistEntry> candidates = filter.Status == WorklistStatus.All
            ? [.. waiting, .. (await Rows(CaseStatus.Reviewed).ToListAsync(cancellationToken)).Select(r => ToEntry(r, now))]
            : waiting;
        var matching = candidates.Where(e => Matches(e, filter, now)).ToList();
        var (page, pageCount) = Paging(filter.Page, matching.Count, size);
        var ordered = matching.OrderBy(e => new ReviewUrgency(e.CancerProbability, e.Escalated, e.FlaggedAt), ReviewUrgencyOrder.MostUrgentFirst)
            .ThenBy(e => e.CaseId);
        return new WorklistPage([.. ordered.Skip((page - 1) * size).Take(size)], page, pageCount, matching.Count, open, inReview, done);
    }

    /// <summary>The page shown (a page past the last shows the last) and how many there are.</summary>
    private static (int Page, int PageCount) Paging(int asked, int matching, int size)
    {
        var pageCount = Math.Max(1, (matching + size - 1) / size);
        return (Math.Clamp(asked, 1, pageCount), pageCount);
    }

    private IQueryable<WorklistRow> Rows(CaseStatus status) =>
        from c in db.Cases.AsNoTracking()
        where c.Status == status
        join r in db.CaseResults.AsNoTracking() on c.Id equals r.CaseId
        select new WorklistRow
        {
            Id = c.Id, ImageId = c.ImageId, Status = c.Status, FlaggedAt = c.FlaggedAt ?? c.UpdatedAt, ReviewClaimedBy = c.ReviewClaimedBy,
            ReviewClaimedUntil = c.ReviewClaimedUntil, ReviewedBy = c.ReviewedBy, ReviewedAt = c.ReviewedAt,
            SuggestedDiagnosis = r.SuggestedDiagnosis, CancerProbability = r.CancerProbability, EscalationReasons = r.EscalationReasons,
            DecidedBy = r.DecidedBy,
        };

    /// <summary>The suggested-diagnosis and age filters, in SQL.</summary>
    private static IQueryable<WorklistRow> Filtered(IQueryable<WorklistRow> rows, WorklistFilter filter, DateTimeOffset now)
    {
        if (filter.Suggested is { } suggested)
        {
            var code = suggested.Code();
            rows = rows.Where(r => r.SuggestedDiagnosis == code);
        }

        var (dayAgo, weekAgo) = (now.AddDays(-1), now.AddDays(-7));
        return filter.Age switch
        {
            CaseAge.Today => rows.Where(r => r.FlaggedAt > dayAgo),
            CaseAge.ThisWeek => rows.Where(r => r.FlaggedAt > weekAgo),
            CaseAge.OlderThanAWeek => rows.Where(r => r.FlaggedAt <= weekAgo),
            _ => rows,
        };
    }

    private static WorklistEntry ToEntry(WorklistRow row, DateTimeOffset now)
    {
        var claimed = row.ReviewClaimedUntil is { } until && until > now ? row.ReviewClaimedBy : null;
        var status = row.Status == CaseStatus.Reviewed ? WorklistStatus.Done : claimed is null ? WorklistStatus.Open : WorklistStatus.InReview;
        Diagnoses.TryParse(row.SuggestedDiagnosis, out var suggested);
        return new WorklistEntry(row.Id, row.ImageId, status, suggested, row.CancerProbability, row.EscalationReasons.Length > 0, row.DecidedBy,
            row.FlaggedAt, claimed, row.ReviewedBy, row.ReviewedAt);
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

    /// <summary>What the worklist reads of a case and its result.</summary>
    private sealed class WorklistRow
    {
        public Guid Id { get; init; }
        public Guid ImageId { get; init; }
        public CaseStatus Status { get; init; }
        public DateTimeOffset FlaggedAt { get; init; }
        public string? ReviewClaimedBy { get; init; }
        public DateTimeOffset? ReviewClaimedUntil { get; init; }
        public string? ReviewedBy { get; init; }
        public DateTimeOffset? ReviewedAt { get; init; }
        public required string SuggestedDiagnosis { get; init; }
        public double CancerProbability { get; init; }
        public required string EscalationReasons { get; init; }
        public required string DecidedBy { get; init; }
    }
}
