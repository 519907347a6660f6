namespace Triage.Domain.Escalation;

[Flags]
public enum EscalationReason
{
    None = 0,

    /// <summary>The student's most probable diagnosis is not probable enough.</summary>
    LowConfidence = 1,

    /// <summary>Cancer is possible but neither likely nor unlikely enough to trust the student.</summary>
    UncertainCancerProbability = 2,
}
