namespace Triage.Domain.Promotion;

/// <summary>How much worse than the champion a challenger may be, and the absolute bounds it must meet.</summary>
public sealed record PromotionGateOptions
{
    public const string SectionName = "Training:Gates";

    /// <summary>The challenger's weighted F1 may be at most this much below the champion's.</summary>
    public double WeightedF1Tolerance { get; init; } = 0.01;

    /// <summary>The challenger's cancer sensitivity may be at most this much below the champion's.</summary>
    public double CancerSensitivityTolerance { get; init; }

    /// <summary>The challenger's expected calibration error may not exceed this.</summary>
    public double MaximumCalibrationError { get; init; } = 0.15;

    /// <summary>Each setting outside [0, 1], in words; empty when all are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Within(string name, double value)
        {
            if (!(value is >= 0 and <= 1))
            {
                problems.Add($"{SectionName}:{name} must lie between 0 and 1, not {value}.");
            }
        }

        Within(nameof(WeightedF1Tolerance), WeightedF1Tolerance);
        Within(nameof(CancerSensitivityTolerance), CancerSensitivityTolerance);
        Within(nameof(MaximumCalibrationError), MaximumCalibrationError);
        return problems;
    }
}
