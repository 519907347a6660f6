using Triage.Contracts;
using Triage.Domain.Escalation;

namespace Triage.Inference.Escalation;

/// <summary>What the student said, what the teacher said if it was asked, and why it was asked.</summary>
public sealed record CascadeOutcome(ModelRun Student, ModelRun? Teacher, EscalationReason Reasons)
{
    public ModelRun Deciding => Teacher ?? Student;

    public string DecidedBy => Teacher is null ? ModelRole.Student : ModelRole.Teacher;

    /// <summary>Each reason by its name, e.g. <c>LowConfidence</c>.</summary>
    public IReadOnlyList<string> ReasonNames =>
        [.. Enum.GetValues<EscalationReason>().Where(r => r != EscalationReason.None && Reasons.HasFlag(r)).Select(r => r.ToString())];
}
