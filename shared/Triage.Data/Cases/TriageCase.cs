using Triage.Domain.Cases;
using Triage.Domain.Review;

namespace Triage.Data.Cases;

/// <summary>One lesion photo on its way from the EHR through classification to review.</summary>
public sealed class TriageCase
{
    public Guid Id { get; set; }

    public required string PatientId { get; set; }

    public required string MediaId { get; set; }

    public Guid ImageId { get; set; }

    /// <summary>The lesion the photo shows, as the EHR named it (<c>LesionOfPhoto</c>); null when it did not.</summary>
    public string? LesionKey { get; set; }

    /// <summary>Ids of the Observations whose features the classification used.</summary>
    public List<string> ObservationIds { get; set; } = [];

    public CaseStatus Status { get; private set; } = CaseStatus.Received;

    public string? RiskAssessmentId { get; set; }

    /// <summary>The Task asking a dermatologist to review the result; the Task, not the case, says where the review stands.</summary>
    public string? ReviewTaskId { get; private set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>While <see cref="CaseStatus.Received"/>: when the case stops waiting for clinical features posted after
    /// its photo and is sent for classification; null once sent, or when it never waited.</summary>
    public DateTimeOffset? ClassifyAfter { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the case was put on the review worklist.</summary>
    public DateTimeOffset? FlaggedAt { get; private set; }

    /// <summary>The reviewer who has the case open, until <see cref="ReviewClaimedUntil"/>.</summary>
    public string? ReviewClaimedBy { get; private set; }

    public DateTimeOffset? ReviewClaimedUntil { get; private set; }

    /// <summary>Who recorded the review decision (the reviewer's user name), and when.</summary>
    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public ReviewClaim? Claim => ReviewClaimedBy is { } by && ReviewClaimedUntil is { } until ? new ReviewClaim(by, until) : null;

    /// <summary>Optimistic concurrency token, bumped on every change of status.</summary>
    public int Revision { get; set; }

    /// <summary>Moves the case along its life cycle; throws when the move is not allowed.</summary>
    public void MoveTo(CaseStatus next, DateTimeOffset at)
    {
        Status = CaseLifecycle.Move(Status, next);
        UpdatedAt = at;
        Revision++;
    }

    /// <summary>Moves a classified case to <see cref="CaseStatus.FlaggedForReview"/>, waiting on <paramref name="taskId"/>.</summary>
    public void FlagForReview(string taskId, DateTimeOffset at)
    {
        MoveTo(CaseStatus.FlaggedForReview, at);
        ReviewTaskId = taskId;
        FlaggedAt = at;
    }

    /// <summary>
    /// Lets <paramref name="reviewer"/> hold the flagged case until <paramref name="until"/>; false (and no change) when
    /// another reviewer's claim is still active or the case is not waiting for review.
    /// </summary>
    public bool TryClaim(string reviewer, DateTimeOffset now, DateTimeOffset until)
    {
        if (Status != CaseStatus.FlaggedForReview || !ReviewClaim.CanTake(Claim, reviewer, now))
        {
            return false;
        }

        ReviewClaimedBy = reviewer;
        ReviewClaimedUntil = until;
        Revision++;
        return true;
    }

    /// <summary>Moves the case to <see cref="CaseStatus.Reviewed"/>, decided by <paramref name="reviewer"/>.</summary>
    /// <exception cref="InvalidOperationException">Another reviewer's claim is active, or the case is not waiting for review.</exception>
    public void CompleteReview(string reviewer, DateTimeOffset at)
    {
        if (!ReviewClaim.CanTake(Claim, reviewer, at))
        {
            throw new InvalidOperationException($"The case is being reviewed by {ReviewClaimedBy}.");
        }

        MoveTo(CaseStatus.Reviewed, at);
        ReviewedBy = reviewer;
        ReviewedAt = at;
        ReviewClaimedBy = null;
        ReviewClaimedUntil = null;
    }
}
