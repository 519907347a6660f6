using Triage.Domain.Review;

namespace Triage.Domain.Tests;

public class ReviewFlagPolicyTests
{
    private static readonly ReviewThresholds Thresholds = new(CancerProbability: 0.3, MinimumConfidence: 0.5);

    // Order: ACK, BCC, MEL, NEV, SCC, SEK. Cancer = BCC + MEL + SCC.
    public static TheoryData<double[], bool, ReviewReason> Cases() => new()
    {
        { [0.90, 0.02, 0.02, 0.02, 0.02, 0.02], false, ReviewReason.None },                                // confident ACK, cancer 0.06
        { [0.02, 0.02, 0.02, 0.90, 0.02, 0.02], true, ReviewReason.Escalated },                            // teacher confident NEV
        { [0.02, 0.90, 0.02, 0.02, 0.02, 0.02], false, ReviewReason.Suspicious },                          // confident BCC
        { [0.60, 0.10, 0.10, 0.10, 0.10, 0.00], false, ReviewReason.Suspicious },                          // cancer exactly 0.30
        { [0.61, 0.10, 0.10, 0.10, 0.09, 0.00], false, ReviewReason.None },                                // cancer 0.29
        { [0.40, 0.05, 0.05, 0.35, 0.05, 0.10], false, ReviewReason.LowConfidence },                       // top 0.40, cancer 0.15
        { [0.50, 0.05, 0.05, 0.30, 0.05, 0.05], false, ReviewReason.None },                                // top exactly 0.50
        { [0.30, 0.20, 0.20, 0.10, 0.10, 0.10], true, ReviewReason.Suspicious | ReviewReason.Escalated | ReviewReason.LowConfidence },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flags_suspicious_escalated_or_unsure_answers(double[] probabilities, bool escalated, ReviewReason expected)
    {
        ReviewFlagPolicy.Decide(probabilities, escalated, Thresholds).Should().Be(expected);
    }

    [Fact]
    public void The_default_thresholds_are_valid_and_flag_a_likely_melanoma()
    {
        ReviewThresholds.Default.Validate();
        ReviewFlagPolicy.Decide([0.05, 0.05, 0.80, 0.05, 0.03, 0.02], escalated: false, ReviewThresholds.Default)
            .Should().Be(ReviewReason.Suspicious);
    }

    [Fact]
    public void Thresholds_of_zero_and_one_flag_everything_or_only_what_they_must()
    {
        double[] confidentNevus = [0.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        ReviewFlagPolicy.Decide(confidentNevus, false, new ReviewThresholds(0, 0)).Should().Be(ReviewReason.Suspicious);
        ReviewFlagPolicy.Decide(confidentNevus, false, new ReviewThresholds(1, 1)).Should().Be(ReviewReason.None);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.5 })]
    [InlineData(new[] { 1.2, -0.2, 0.0, 0.0, 0.0, 0.0 })]
    [InlineData(new[] { double.NaN, 0.0, 0.0, 0.0, 0.0, 1.0 })]
    public void Six_probabilities_within_zero_and_one_are_required(double[] probabilities)
    {
        var decide = () => ReviewFlagPolicy.Decide(probabilities, false, Thresholds);
        decide.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(-0.1, 0.5)]
    [InlineData(0.3, 1.5)]
    [InlineData(double.NaN, 0.5)]
    public void Thresholds_must_be_probabilities(double cancer, double confidence)
    {
        var validate = () => new ReviewThresholds(cancer, confidence).Validate();
        validate.Should().Throw<ArgumentOutOfRangeException>();
    }
}
