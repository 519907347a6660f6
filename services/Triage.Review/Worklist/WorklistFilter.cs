using Triage.Domain.Diagnoses;

namespace Triage.Review.Worklist;

/// <summary>Where a flagged case stands for the reviewers.</summary>
public enum WorklistStatus
{
    /// <summary>Open or in review: everything not yet decided (the default).</summary>
    Waiting,
    /// <summary>Flagged, and no reviewer has it open.</summary>
    Open,
    /// <summary>A reviewer has it open (an active claim).</summary>
    InReview,
    /// <summary>Decided.</summary>
    Done,
    All,
}

/// <summary>How long ago a case was flagged.</summary>
public enum CaseAge
{
    Any,
    /// <summary>Flagged within the last 24 hours.</summary>
    Today,
    /// <summary>Flagged within the last 7 days.</summary>
    ThisWeek,
    /// <summary>Flagged 7 days ago or earlier.</summary>
    OlderThanAWeek,
}

/// <param name="Suggested">Only cases whose deciding model suggested this diagnosis; null for any.</param>
/// <param name="Page">1-based.</param>
public sealed record WorklistFilter(WorklistStatus Status = WorklistStatus.Waiting, Diagnosis? Suggested = null, CaseAge Age = CaseAge.Any, int Page = 1);
