namespace Triage.Domain.Review;

/// <summary>Why a classified case goes to a dermatologist; none means the result stands without review.</summary>
[Flags]
public enum ReviewReason
{
    None = 0,

    /// <summary>The deciding model's probability of cancer (BCC + MEL + SCC) is at or above the threshold.</summary>
    Suspicious = 1,

    /// <summary>The student was unsure and escalated to the teacher.</summary>
    Escalated = 2,

    /// <summary>The deciding model's most probable diagnosis is below the confidence threshold.</summary>
    LowConfidence = 4,
}
