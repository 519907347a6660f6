using Triage.Ml.PadUfes20;
using Triage.Domain.ClinicalFeatures;

namespace Triage.Ml.Baseline;

/// <summary>One training case: its patient, its diagnosis (class index), its image's colour features and its clinical features.</summary>
public sealed record BaselineSample(string PatientId, int Label, float[] Colour, ClinicalFeatureSet Clinical)
{
    /// <summary>The model's feature vector: colour features, then the encoded clinical features.</summary>
    public float[] Features(MetadataVariant variant) =>
        [.. Colour, .. ClinicalFeatureEncoder.Encode(MetadataWithholding.Apply(Clinical, variant))];
}
