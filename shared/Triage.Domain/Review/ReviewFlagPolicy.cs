using Triage.Domain.Escalation;

namespace Triage.Domain.Review;

/// <summary>Decides from the deciding model's probabilities, and whether the student escalated, if a dermatologist must review a case.</summary>
public static class ReviewFlagPolicy
{
    /// <param name="probabilities">The deciding model's probabilities in <see cref="Diagnoses.Diagnoses.All"/> order.</param>
    /// <param name="escalated">The student escalated the case to the teacher.</param>
    /// <exception cref="ArgumentException">Not one probability per diagnosis, or one outside [0, 1].</exception>
    public static ReviewReason Decide(IReadOnlyList<double> probabilities, bool escalated, ReviewThresholds thresholds)
    {
        if (probabilities.Count != Diagnoses.Diagnoses.All.Count)
        {
            throw new ArgumentException($"Expected {Diagnoses.Diagnoses.All.Count} probabilities, got {probabilities.Count}.", nameof(probabilities));
        }

        if (probabilities.Any(p => p is not (>= 0 and <= 1)))
        {
            throw new ArgumentException("Every probability must lie within [0, 1].", nameof(probabilities));
        }

        var reason = ReviewReason.None;
        if (TeacherEscalationPolicy.CancerProbability(probabilities) >= thresholds.CancerProbability)
        {
            reason |= ReviewReason.Suspicious;
        }

        if (escalated)
        {
            reason |= ReviewReason.Escalated;
        }

        if (probabilities.Max() < thresholds.MinimumConfidence)
        {
            reason |= ReviewReason.LowConfidence;
        }

        return reason;
    }
}
