using Triage.Domain.Promotion;

namespace Triage.Domain.Tests;

public class ModelPromotionGateTests
{
    private static readonly PromotionGateOptions Options = new()
    {
        WeightedF1Tolerance = 0.02, CancerSensitivityTolerance = 0.05, MaximumCalibrationError = 0.10,
    };

    private static readonly ModelScores Champion = new(WeightedF1: 0.70, CancerSensitivity: 0.80, ExpectedCalibrationError: 0.05);

    // Each row: the challenger's weighted F1, cancer sensitivity, ECE, whether parity passed, and the gates it fails.
    public static TheoryData<double, double?, double, bool, string[]> Cases() => new()
    {
        { 0.72, 0.85, 0.05, true, [] },                                 // better everywhere
        { 0.68, 0.80, 0.05, true, [] },                                 // F1 exactly at the tolerance
        { 0.6799, 0.80, 0.05, true, ["weighted F1"] },                  // just beyond it
        { 0.70, 0.75, 0.05, true, [] },                                 // sensitivity exactly at its tolerance
        { 0.70, 0.7499, 0.05, true, ["cancer sensitivity"] },           // just beyond it
        { 0.70, 0.80, 0.10, true, [] },                                 // ECE at the bound
        { 0.70, 0.80, 0.1001, true, ["calibration"] },                  // above it
        { 0.90, 0.95, 0.01, false, ["parity"] },                        // excellent but not what was measured
        { 0.50, 0.50, 0.30, false, ["parity", "calibration", "weighted F1", "cancer sensitivity"] },
        { 0.70, null, 0.05, true, ["cancer sensitivity"] },             // no cancer in the set: cannot be shown not to be worse
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_every_gate_the_challenger_fails(double f1, double? sensitivity, double ece, bool parity, string[] failed)
    {
        var decision = ModelPromotionGate.Decide(new ModelScores(f1, sensitivity, ece), Champion, parity, Options);

        decision.FailedGates.Select(reason => reason[..reason.IndexOf(':')]).Should().Equal(failed);
        decision.Promote.Should().Be(failed.Length == 0);
    }

    [Fact]
    public void Without_a_champion_only_the_absolute_gates_apply()
    {
        ModelPromotionGate.Decide(new ModelScores(0.10, 0.10, 0.05), null, true, Options).Promote.Should().BeTrue();
        ModelPromotionGate.Decide(new ModelScores(0.10, 0.10, 0.20), null, true, Options).FailedGates.Should().ContainSingle()
            .Which.Should().StartWith("calibration");
    }

    [Fact]
    public void A_champion_without_a_measurable_sensitivity_does_not_block_on_sensitivity()
    {
        var champion = Champion with { CancerSensitivity = null };
        ModelPromotionGate.Decide(new ModelScores(0.70, 0.10, 0.05), champion, true, Options).Promote.Should().BeTrue();
    }

    [Fact]
    public void Reasons_carry_the_figures()
    {
        var decision = ModelPromotionGate.Decide(new ModelScores(0.60, 0.80, 0.05), Champion, true, Options);
        decision.FailedGates.Single().Should().Be("weighted F1: 0.6 is below the champion's 0.7 by more than 0.02.");
    }

    [Theory]
    [InlineData(-0.01, 0, 0.1, "WeightedF1Tolerance")]
    [InlineData(0, 1.5, 0.1, "CancerSensitivityTolerance")]
    [InlineData(0, 0, double.NaN, "MaximumCalibrationError")]
    public void Options_outside_zero_to_one_are_named(double f1, double sensitivity, double ece, string setting)
    {
        var options = new PromotionGateOptions { WeightedF1Tolerance = f1, CancerSensitivityTolerance = sensitivity, MaximumCalibrationError = ece };
        options.Problems().Should().ContainSingle().Which.Should().Contain(setting);
    }

    [Fact]
    public void Default_options_are_usable()
    {
        new PromotionGateOptions().Problems().Should().BeEmpty();
    }
}
