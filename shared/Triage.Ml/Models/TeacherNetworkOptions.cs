using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;

namespace Triage.Ml.Models;

/// <param name="Variant">The image trunk: a ConvNeXt size or ResNet18 (<see cref="TeacherTrunks"/>).</param>
/// <param name="UseMetadata">False for an image-only teacher: no metadata encoder, metadata ignored.</param>
/// <param name="StochasticDepth">For the last block; torchvision's ConvNeXt-T default is 0.1.</param>
/// <param name="AttentionReduction">The channel reduction of each CBAM's shared MLP.</param>
public sealed record TeacherNetworkOptions(
    ITeacherTrunk Variant,
    bool UseMetadata = true,
    double Dropout = 0.2,
    double StochasticDepth = 0.1,
    int AttentionReduction = 16,
    int MetadataFeatures = 128,
    double MetadataDropout = 0.1)
{
    public int ClassCount { get; init; } = Diagnoses.All.Count;

    public int MetadataWidth { get; init; } = ClinicalFeatureEncoder.Width;
}
