using System.Globalization;

namespace Triage.Domain.Promotion;

/// <summary>
/// Decides whether a challenger replaces the champion: its parity check passed, its calibration error is within
/// bounds, and neither its weighted F1 nor its cancer sensitivity is lower than the champion's beyond the tolerances.
/// Without a champion only the absolute gates apply. Every failed gate is named, not just the first.
/// </summary>
public static class ModelPromotionGate
{
    public static PromotionDecision Decide(ModelScores challenger, ModelScores? champion, bool parityPassed, PromotionGateOptions options)
    {
        ArgumentNullException.ThrowIfNull(challenger);
        ArgumentNullException.ThrowIfNull(options);
        var failed = new List<string>();
        if (!parityPassed)
        {
            failed.Add("parity: ONNX Runtime and TorchSharp disagree on the exported model.");
        }

        if (challenger.ExpectedCalibrationError > options.MaximumCalibrationError)
        {
            failed.Add($"calibration: ECE {F(challenger.ExpectedCalibrationError)} exceeds {F(options.MaximumCalibrationError)}.");
        }

        if (challenger.CancerSensitivity is null)
        {
            failed.Add("cancer sensitivity: the evaluation set holds no cancer, so it cannot be measured.");
        }

        if (champion is null)
        {
            return new PromotionDecision(failed);
        }

        if (challenger.WeightedF1 < champion.WeightedF1 - options.WeightedF1Tolerance)
        {
            failed.Add($"weighted F1: {F(challenger.WeightedF1)} is below the champion's {F(champion.WeightedF1)} " +
                       $"by more than {F(options.WeightedF1Tolerance)}.");
        }

        if (challenger.CancerSensitivity is { } sensitivity && champion.CancerSensitivity is { } championSensitivity
            && sensitivity < championSensitivity - options.CancerSensitivityTolerance)
        {
            failed.Add($"cancer sensitivity: {F(sensitivity)} is below the champion's {F(championSensitivity)} " +
                       $"by more than {F(options.CancerSensitivityTolerance)}.");
        }

        return new PromotionDecision(failed);
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
