using Triage.Domain.Diagnoses;
using Triage.Domain.Escalation;

namespace Triage.Ml.Evaluation;

/// <summary>One validation case as the cascade sees it: its diagnosis and both models' probabilities (<see cref="Diagnoses.All"/> order).</summary>
public sealed record CascadeCase(Diagnosis Truth, IReadOnlyList<double> Student, IReadOnlyList<double> Teacher);

/// <summary>The thresholds chosen, how often they escalate, and the cascade against each model alone on the same cases.</summary>
public sealed record EscalationChoice(
    EscalationThresholds Thresholds, double EscalationRate, ClassificationMetrics Cascade, ClassificationMetrics StudentAlone, ClassificationMetrics TeacherAlone);

/// <summary>
/// Chooses the escalation thresholds for a target escalation rate on validation cases: of every grid point
/// (minimum confidence in steps of 0.02; the uncertain cancer band's ends in steps of 0.05, or no band) that
/// escalates at most the target share of cases, the one whose cascade has the highest weighted F1, ties
/// going to the one that escalates less. The cascade answers as <see cref="TeacherEscalationPolicy"/> serves it.
/// </summary>
public static class EscalationThresholdSearch
{
    private const double ConfidenceStep = 0.02;
    private const double BandStep = 0.05;

    public static EscalationChoice Choose(IReadOnlyList<CascadeCase> cases, double targetEscalationRate)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cases.Count, nameof(cases));
        if (targetEscalationRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(targetEscalationRate), targetEscalationRate, "The target escalation rate is a share of cases, between 0 and 1.");
        }

        var truth = cases.Select(c => (int)c.Truth).ToArray();
        var studentAnswer = cases.Select(c => ArgMax(c.Student)).ToArray();
        var teacherAnswer = cases.Select(c => ArgMax(c.Teacher)).ToArray();
        var confidence = cases.Select(c => c.Student.Max()).ToArray();
        var cancer = cases.Select(c => TeacherEscalationPolicy.CancerProbability(c.Student)).ToArray();

        (EscalationThresholds Thresholds, int Escalated, double WeightedF1)? best = null;
        var answers = new int[cases.Count];
        foreach (var thresholds in Grid())
        {
            var escalated = 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var escalates = confidence[i] < thresholds.MinimumConfidence
                                || (cancer[i] >= thresholds.CancerBandLow && cancer[i] <= thresholds.CancerBandHigh);
                escalated += escalates ? 1 : 0;
                answers[i] = escalates ? teacherAnswer[i] : studentAnswer[i];
            }

            if (escalated > targetEscalationRate * cases.Count)
            {
                continue;
            }

            var weightedF1 = ClassificationMetrics.From(truth, answers, Diagnoses.All.Count).WeightedF1;
            if (best is not { } current || weightedF1 > current.WeightedF1 + 1e-12
                || (Math.Abs(weightedF1 - current.WeightedF1) <= 1e-12 && escalated < current.Escalated))
            {
                best = (thresholds, escalated, weightedF1);
            }
        }

        var (chosen, count, _) = best!.Value;
        return new EscalationChoice(
            chosen,
            (double)count / cases.Count,
            ClassificationMetrics.From(truth, [.. cases.Select((c, i) => TeacherEscalationPolicy.Decide(c.Student, chosen) == EscalationReason.None ? studentAnswer[i] : teacherAnswer[i])], Diagnoses.All.Count),
            ClassificationMetrics.From(truth, studentAnswer, Diagnoses.All.Count),
            ClassificationMetrics.From(truth, teacherAnswer, Diagnoses.All.Count));
    }

    private static IEnumerable<EscalationThresholds> Grid()
    {
        var bands = new List<(double Low, double High)> { (EscalationThresholds.Never.CancerBandLow, EscalationThresholds.Never.CancerBandHigh) };
        for (var low = 0; low <= 20; low++)
        {
            for (var high = low; high <= 20; high++)
            {
                bands.Add((Math.Round(low * BandStep, 2), Math.Round(high * BandStep, 2)));
            }
        }

        for (var step = 0; step <= 50; step++)
        {
            foreach (var (low, high) in bands)
            {
                yield return new EscalationThresholds(Math.Round(step * ConfidenceStep, 2), low, high);
            }
        }
    }

    private static int ArgMax(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
