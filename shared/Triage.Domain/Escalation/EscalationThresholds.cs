namespace Triage.Domain.Escalation;

/// <summary>
/// When the student's calibrated answer goes to the teacher: its top probability is below
/// <see cref="MinimumConfidence"/>, or the probability of cancer (BCC + MEL + SCC) lies in the
/// uncertain band [<see cref="CancerBandLow"/>, <see cref="CancerBandHigh"/>].
/// </summary>
public sealed record EscalationThresholds(double MinimumConfidence, double CancerBandLow, double CancerBandHigh)
{
    /// <summary>Never escalates: for a deployment without a teacher.</summary>
    public static EscalationThresholds Never { get; } = new(0, 1, 0);

    public void Validate()
    {
        if (MinimumConfidence is < 0 or > 1 || CancerBandLow is < 0 or > 1 || CancerBandHigh is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumConfidence), "Escalation thresholds are probabilities between 0 and 1.");
        }
    }
}
