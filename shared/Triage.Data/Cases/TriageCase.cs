using Triage.Domain.Cases;

namespace Triage.Data.Cases;

/// <summary>One lesion photo on its way from the EHR through classification to review.</summary>
public sealed class TriageCase
{
    public Guid Id { get; set; }

    public required string PatientId { get; set; }

    public required string MediaId { get; set; }

    public Guid ImageId { get; set; }

    /// <summary>Ids of the Observations whose features the classification used.</summary>
    public List<string> ObservationIds { get; set; } = [];

    public CaseStatus Status { get; private set; } = CaseStatus.Received;

    public string? RiskAssessmentId { get; set; }

    /// <summary>The Task asking a dermatologist to review the result; the Task, not the case, says where the review stands.</summary>
    public string? ReviewTaskId { get; private set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

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
    }
}
