namespace Triage.Domain.Cases;

/// <summary>Where a case is in its life cycle.</summary>
public enum CaseStatus
{
    /// <summary>The photo is stored; the case waits for its classification request to be sent.</summary>
    Received,
    /// <summary>A classification request is on the bus.</summary>
    Queued,
    /// <summary>The student was not confident; the teacher is classifying it.</summary>
    Escalated,
    /// <summary>A model's answer is stored as a RiskAssessment.</summary>
    Classified,
    /// <summary>Waiting for a dermatologist.</summary>
    FlaggedForReview,
    /// <summary>A dermatologist recorded a diagnosis.</summary>
    Reviewed,
    /// <summary>Classification could not be done; the reason is recorded.</summary>
    Failed,
}
