using Triage.Ml.Training;

namespace Triage.Ml.Baseline;

public sealed record BaselineTrainingOptions
{
    /// <summary>The side of the square image tensor; a multiple of <see cref="ColourFeatures.Grid"/>.</summary>
    public int ImageSize { get; init; } = 64;

    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 20;

    public SoftmaxRegressionOptions Regression { get; init; } = new();

    public string ModelName { get; init; } = "baseline";

    public string ModelVersion { get; init; } = "1.0.0";
}
