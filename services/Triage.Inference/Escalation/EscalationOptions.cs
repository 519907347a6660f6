using Triage.Domain.Escalation;

namespace Triage.Inference.Escalation;

/// <summary>Configuration section <c>Inference:Escalation</c>: the three thresholds of
/// <see cref="EscalationThresholds"/>, all required.</summary>
public sealed class EscalationOptions
{
    public double? MinimumConfidence { get; set; }

    public double? CancerBandLow { get; set; }

    public double? CancerBandHigh { get; set; }

    public IEnumerable<string> Missing()
    {
        if (MinimumConfidence is null)
        {
            yield return nameof(MinimumConfidence);
        }

        if (CancerBandLow is null)
        {
            yield return nameof(CancerBandLow);
        }

        if (CancerBandHigh is null)
        {
            yield return nameof(CancerBandHigh);
        }
    }

    /// <exception cref="InvalidOperationException">A threshold is missing.</exception>
    public EscalationThresholds ToThresholds() =>
        Missing().Any()
            ? throw new InvalidOperationException($"Inference:Escalation lacks {string.Join(", ", Missing())}.")
            : new EscalationThresholds(MinimumConfidence!.Value, CancerBandLow!.Value, CancerBandHigh!.Value);
}
