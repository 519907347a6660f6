namespace Triage.Domain.Review;

/// <summary>
/// When a classified case is flagged for dermatologist review: the deciding model's cancer probability
/// (BCC + MEL + SCC) is at or above <see cref="CancerProbability"/>, or its top probability is below
/// <see cref="MinimumConfidence"/> (escalated cases are always flagged).
/// </summary>
public sealed record ReviewThresholds(double CancerProbability, double MinimumConfidence)
{
    /// <summary>
    /// Cancer from 0.30: a triage tool should miss few cancers, and a dermatologist's look costs little.
    /// Confidence below 0.50: the most probable of six diagnoses is less likely than all the others together.
    /// </summary>
    public static ReviewThresholds Default { get; } = new(CancerProbability: 0.30, MinimumConfidence: 0.50);

    /// <exception cref="ArgumentOutOfRangeException">A threshold outside [0, 1].</exception>
    public void Validate()
    {
        if (CancerProbability is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(CancerProbability), CancerProbability, "The cancer probability threshold is a probability between 0 and 1.");
        }

        if (MinimumConfidence is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumConfidence), MinimumConfidence, "The minimum confidence is a probability between 0 and 1.");
        }
    }
}
