using Triage.Domain.Escalation;

namespace Triage.Domain.Tests;

public class TeacherEscalationPolicyTests
{
    private static readonly EscalationThresholds Thresholds = new(MinimumConfidence: 0.6, CancerBandLow: 0.3, CancerBandHigh: 0.7);

    // Order: ACK, BCC, MEL, NEV, SCC, SEK. Cancer = BCC + MEL + SCC.
    public static TheoryData<double[], EscalationReason> Cases() => new()
    {
        { [0.90, 0.02, 0.02, 0.02, 0.02, 0.02], EscalationReason.None },                        // confident, cancer 0.06
        { [0.02, 0.90, 0.02, 0.02, 0.02, 0.02], EscalationReason.None },                        // confident BCC, cancer 0.94
        { [0.50, 0.10, 0.05, 0.20, 0.05, 0.10], EscalationReason.LowConfidence },               // top 0.5, cancer 0.2
        { [0.45, 0.40, 0.00, 0.05, 0.00, 0.10], EscalationReason.LowConfidence | EscalationReason.UncertainCancerProbability }, // cancer 0.4
        { [0.62, 0.20, 0.05, 0.03, 0.05, 0.05], EscalationReason.UncertainCancerProbability },  // confident ACK but cancer 0.30
        { [0.60, 0.10, 0.00, 0.30, 0.00, 0.00], EscalationReason.None },                        // exactly at the confidence floor
        { [0.30, 0.70, 0.00, 0.00, 0.00, 0.00], EscalationReason.UncertainCancerProbability },  // confident BCC at the band edge 0.7
        { [0.00, 0.71, 0.00, 0.29, 0.00, 0.00], EscalationReason.None },                        // 0.71 just above the band
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Escalates_on_low_confidence_or_an_uncertain_cancer_probability(double[] probabilities, EscalationReason expected)
    {
        TeacherEscalationPolicy.Decide(probabilities, Thresholds).Should().Be(expected);
    }

    [Fact]
    public void Never_thresholds_never_escalate()
    {
        TeacherEscalationPolicy.Decide([0.2, 0.2, 0.2, 0.2, 0.1, 0.1], EscalationThresholds.Never).Should().Be(EscalationReason.None);
    }

    [Fact]
    public void Six_probabilities_are_required()
    {
        var decide = () => TeacherEscalationPolicy.Decide([0.5, 0.5], Thresholds);
        decide.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(-0.1, 0.3, 0.7)]
    [InlineData(0.5, 0.3, 1.2)]
    public void Thresholds_must_be_probabilities(double confidence, double low, double high)
    {
        var validate = () => new EscalationThresholds(confidence, low, high).Validate();
        validate.Should().Throw<ArgumentOutOfRangeException>();
    }
}
