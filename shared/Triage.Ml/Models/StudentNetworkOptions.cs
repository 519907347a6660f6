using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;

namespace Triage.Ml.Models;

/// <param name="UseMetadata">False for the image-only student: no metadata branch, metadata ignored.</param>
/// <param name="Dropout">Before the classifier, as torchvision's EfficientNet-B0 (0.2).</param>
/// <param name="StochasticDepth">For the last block; earlier blocks get a linearly smaller share.</param>
public sealed record StudentNetworkOptions(
    bool UseMetadata = true,
    double Dropout = 0.2,
    double StochasticDepth = 0.2,
    int MetadataHidden = 64,
    int MetadataFeatures = 32)
{
    public int ClassCount { get; init; } = Diagnoses.All.Count;

    public int MetadataWidth { get; init; } = ClinicalFeatureEncoder.Width;
}
