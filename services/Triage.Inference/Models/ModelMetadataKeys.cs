namespace Triage.Inference.Models;

/// <summary>The metadata_props keys of docs/model-contract.md.</summary>
public static class ModelMetadataKeys
{
    public const string ModelName = "triage.model_name";
    public const string ModelVersion = "triage.model_version";
    public const string Architecture = "triage.architecture";
    public const string ClassOrder = "triage.class_order";
    public const string InputSize = "triage.input_size";
    public const string NormalizationMean = "triage.normalization_mean";
    public const string NormalizationStd = "triage.normalization_std";
    public const string FeatureEncoding = "triage.feature_encoding";
    public const string CalibrationTemperature = "triage.calibration_temperature";

    public static IReadOnlyList<string> All { get; } =
    [
        ModelName, ModelVersion, Architecture, ClassOrder, InputSize,
        NormalizationMean, NormalizationStd, FeatureEncoding, CalibrationTemperature,
    ];
}
