using System.Globalization;
using Triage.Domain.Diagnoses;
using Triage.Imaging;

namespace Triage.Ml.Onnx;

/// <summary>What every exported classifier declares about itself in its metadata_props
/// (docs/model-contract.md).</summary>
public sealed record ModelDescription(
    string Name,
    string Version,
    string Architecture,
    ModelInputSpec Input,
    string FeatureEncoding,
    float CalibrationTemperature)
{
    public const string NameKey = "triage.model_name";
    public const string VersionKey = "triage.model_version";
    public const string ArchitectureKey = "triage.architecture";
    public const string ClassOrderKey = "triage.class_order";
    public const string InputSizeKey = "triage.input_size";
    public const string NormalizationMeanKey = "triage.normalization_mean";
    public const string NormalizationStdKey = "triage.normalization_std";
    public const string FeatureEncodingKey = "triage.feature_encoding";
    public const string CalibrationTemperatureKey = "triage.calibration_temperature";

    public static IReadOnlyList<string> Keys { get; } =
    [
        NameKey, VersionKey, ArchitectureKey, ClassOrderKey, InputSizeKey,
        NormalizationMeanKey, NormalizationStdKey, FeatureEncodingKey, CalibrationTemperatureKey,
    ];

    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [NameKey] = Name,
        [VersionKey] = Version,
        [ArchitectureKey] = Architecture,
        [ClassOrderKey] = string.Join(",", Diagnoses.All.Select(d => d.Code())),
        [InputSizeKey] = Input.Width == Input.Height ? Number(Input.Width) : $"{Number(Input.Width)}x{Number(Input.Height)}",
        [NormalizationMeanKey] = string.Join(",", Input.Mean.Select(Number)),
        [NormalizationStdKey] = string.Join(",", Input.Std.Select(Number)),
        [FeatureEncodingKey] = FeatureEncoding,
        [CalibrationTemperatureKey] = Number(CalibrationTemperature),
    };

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
