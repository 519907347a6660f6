using Triage.Domain.Diagnoses;

namespace Triage.Domain.Escalation;

/// <summary>Decides from the student's calibrated probabilities whether the teacher must look at a case.</summary>
public static class TeacherEscalationPolicy
{
    /// <param name="probabilities">The student's calibrated probabilities in <see cref="Diagnoses.Diagnoses.All"/> order.</param>
    public static EscalationReason Decide(IReadOnlyList<double> probabilities, EscalationThresholds thresholds)
    {
        if (probabilities.Count != Diagnoses.Diagnoses.All.Count)
        {
            throw new ArgumentException($"Expected {Diagnoses.Diagnoses.All.Count} probabilities, got {probabilities.Count}.", nameof(probabilities));
        }

        var reason = EscalationReason.None;
        if (probabilities.Max() < thresholds.MinimumConfidence)
        {
            reason |= EscalationReason.LowConfidence;
        }

        var cancer = CancerProbability(probabilities);
        if (cancer >= thresholds.CancerBandLow && cancer <= thresholds.CancerBandHigh)
        {
            reason |= EscalationReason.UncertainCancerProbability;
        }

        return reason;
    }

    public static double CancerProbability(IReadOnlyList<double> probabilities) =>
        Diagnoses.Diagnoses.Cancers.Sum(d => probabilities[(int)d]);
}
