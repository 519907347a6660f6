using Triage.Ml.Onnx;

namespace Triage.Ml.Baseline;

/// <summary>
/// The baseline: multinomial logistic regression over the image's <see cref="ColourFeatures"/>
/// followed by the encoded clinical features, each standardised with <see cref="FeatureMean"/> and
/// <see cref="FeatureStd"/>.
/// </summary>
/// <param name="Weights">Row-major [classes, features].</param>
public sealed record BaselineModel(
    ModelDescription Description,
    int MetadataWidth,
    float[] FeatureMean,
    float[] FeatureStd,
    float[] Weights,
    float[] Bias)
{
    public const string Architecture = "colour-statistics-logistic-regression";

    public int FeatureCount => ColourFeatures.Count + MetadataWidth;

    public int ClassCount => Bias.Length;
}
