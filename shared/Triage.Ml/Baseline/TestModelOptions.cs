using Triage.Domain.ClinicalFeatures;

namespace Triage.Ml.Baseline;

/// <summary>How <see cref="TestModels"/> builds a model; the defaults meet docs/model-contract.md,
/// the last four options break it on purpose.</summary>
public sealed record TestModelOptions
{
    public int Seed { get; init; } = 1;

    public int InputWidth { get; init; } = 32;

    public int InputHeight { get; init; } = 32;

    public float Temperature { get; init; } = 1f;

    public string FeatureEncoding { get; init; } = ClinicalFeatureEncoder.Version;

    public int MetadataWidth { get; init; } = ClinicalFeatureEncoder.Width;

    public string Name { get; init; } = "test-model";

    public string Version { get; init; } = "0.0.0-test";

    /// <summary>Anything but six gives logits and probabilities of the wrong shape.</summary>
    public int ClassCount { get; init; } = 6;

    /// <summary>A metadata key left out of the file.</summary>
    public string? OmitMetadataKey { get; init; }

    /// <summary>Metadata values written instead of the true ones.</summary>
    public IReadOnlyDictionary<string, string> MetadataOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Declares the inputs with a batch of 1 instead of a dynamic batch.</summary>
    public bool FixedBatch { get; init; }
}
