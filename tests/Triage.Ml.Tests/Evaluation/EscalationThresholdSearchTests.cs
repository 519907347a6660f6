using Triage.Domain.Diagnoses;
using Triage.Domain.Escalation;
using Triage.Ml.Evaluation;

namespace Triage.Ml.Tests.Evaluation;

public class EscalationThresholdSearchTests
{
    // One-hot-ish probabilities in Diagnoses.All order (ACK, BCC, MEL, NEV, SCC, SEK) with the top one given.
    private static double[] Answer(Diagnosis top, double confidence)
    {
        var rest = (1 - confidence) / 5;
        return [.. Diagnoses.All.Select(d => d == top ? confidence : rest)];
    }

    [Fact]
    public void Escalates_exactly_the_unsure_cases_the_student_gets_wrong_when_the_target_allows_it()
    {
        var cases = new List<CascadeCase>();
        for (var i = 0; i < 10; i++)
        {
            cases.Add(new CascadeCase(Diagnosis.NEV, Answer(Diagnosis.NEV, 0.9), Answer(Diagnosis.NEV, 0.8)));
            cases.Add(new CascadeCase(Diagnosis.SEK, Answer(Diagnosis.ACK, 0.4), Answer(Diagnosis.SEK, 0.7)));
        }

        var choice = EscalationThresholdSearch.Choose(cases, targetEscalationRate: 0.5);

        choice.EscalationRate.Should().Be(0.5);
        choice.Cascade.WeightedF1.Should().Be(1);
        choice.StudentAlone.Accuracy.Should().Be(0.5);
        choice.TeacherAlone.Accuracy.Should().Be(1);
        cases.Count(c => TeacherEscalationPolicy.Decide(c.Student, choice.Thresholds) != EscalationReason.None).Should().Be(10);
    }

    [Fact]
    public void A_target_of_zero_never_escalates_and_the_cascade_is_the_student()
    {
        var cases = new[]
        {
            new CascadeCase(Diagnosis.BCC, Answer(Diagnosis.BCC, 0.5), Answer(Diagnosis.BCC, 0.9)),
            new CascadeCase(Diagnosis.MEL, Answer(Diagnosis.NEV, 0.5), Answer(Diagnosis.MEL, 0.9)),
        };

        var choice = EscalationThresholdSearch.Choose(cases, targetEscalationRate: 0);

        choice.EscalationRate.Should().Be(0);
        choice.Cascade.Should().Be(choice.StudentAlone);
    }

    [Fact]
    public void The_chosen_thresholds_never_escalate_more_than_the_target()
    {
        var random = new Random(5);
        var cases = Enumerable.Range(0, 200).Select(_ =>
        {
            var truth = Diagnoses.All[random.Next(6)];
            return new CascadeCase(truth, Random(random), Random(random));
        }).ToList();

        foreach (var target in new[] { 0.1, 0.25, 0.4 })
        {
            var choice = EscalationThresholdSearch.Choose(cases, target);

            choice.EscalationRate.Should().BeLessThanOrEqualTo(target);
            var escalated = cases.Count(c => TeacherEscalationPolicy.Decide(c.Student, choice.Thresholds) != EscalationReason.None);
            ((double)escalated / cases.Count).Should().Be(choice.EscalationRate, "the rate is the served policy's on these cases");
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Refuses_a_target_that_is_not_a_share(double target)
    {
        var choose = () => EscalationThresholdSearch.Choose([new CascadeCase(Diagnosis.ACK, Answer(Diagnosis.ACK, 0.9), Answer(Diagnosis.ACK, 0.9))], target);

        choose.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static double[] Random(Random random)
    {
        var raw = Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray();
        var sum = raw.Sum();
        return [.. raw.Select(v => v / sum)];
    }
}
