using System.Globalization;
using Triage.Domain.Diagnoses;
using Triage.Imaging;

namespace Triage.Inference.Models;

/// <summary>Parses the metadata_props of docs/model-contract.md; the graph's shapes are checked elsewhere.</summary>
internal static class ModelMetadataParser
{
    public static ModelContract Parse(IReadOnlyDictionary<string, string> metadata, string modelPath)
    {
        var missing = ModelMetadataKeys.All.Where(k => string.IsNullOrWhiteSpace(metadata.GetValueOrDefault(k))).ToList();
        if (missing.Count > 0)
        {
            throw new ModelContractException(modelPath, $"metadata {string.Join(", ", missing)} missing.");
        }

        string Value(string key) => metadata[key].Trim();
        var (width, height) = ParseInputSize(Value(ModelMetadataKeys.InputSize), modelPath);
        var mean = ParseTriple(ModelMetadataKeys.NormalizationMean, Value(ModelMetadataKeys.NormalizationMean), modelPath);
        var std = ParseTriple(ModelMetadataKeys.NormalizationStd, Value(ModelMetadataKeys.NormalizationStd), modelPath);
        if (std.Any(s => s <= 0))
        {
            throw new ModelContractException(modelPath, $"{ModelMetadataKeys.NormalizationStd} must be positive.");
        }

        return new ModelContract(
            Value(ModelMetadataKeys.ModelName),
            Value(ModelMetadataKeys.ModelVersion),
            Value(ModelMetadataKeys.Architecture),
            ParseClassOrder(Value(ModelMetadataKeys.ClassOrder), modelPath),
            new ModelInputSpec(width, height, mean, std),
            Value(ModelMetadataKeys.FeatureEncoding),
            MetadataWidth: 0,
            ParseTemperature(Value(ModelMetadataKeys.CalibrationTemperature), modelPath),
            HasAttention: false);
    }

    private static List<Diagnosis> ParseClassOrder(string value, string modelPath)
    {
        var codes = value.Split(',', StringSplitOptions.TrimEntries);
        var order = new List<Diagnosis>();
        foreach (var code in codes)
        {
            if (!Diagnoses.TryParse(code, out var diagnosis) || order.Contains(diagnosis))
            {
                throw new ModelContractException(modelPath, $"{ModelMetadataKeys.ClassOrder} '{value}' is not the six diagnoses, each once.");
            }

            order.Add(diagnosis);
        }

        return order.Count == Diagnoses.All.Count
            ? order
            : throw new ModelContractException(modelPath, $"{ModelMetadataKeys.ClassOrder} '{value}' is not the six diagnoses, each once.");
    }

    private static (int Width, int Height) ParseInputSize(string value, string modelPath)
    {
        var parts = value.Split('x', 'X');
        var sizes = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        return sizes switch
        {
            [> 0 and var side] => (side, side),
            [> 0 and var width, > 0 and var height] => (width, height),
            _ => throw new ModelContractException(modelPath, $"{ModelMetadataKeys.InputSize} '{value}' is neither a size nor WxH."),
        };
    }

    private static float[] ParseTriple(string key, string value, string modelPath)
    {
        var numbers = value.Split(',', StringSplitOptions.TrimEntries)
            .Select(p => float.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && float.IsFinite(f) ? f : float.NaN)
            .ToArray();
        return numbers.Length == 3 && !numbers.Any(float.IsNaN)
            ? numbers
            : throw new ModelContractException(modelPath, $"{key} '{value}' is not three numbers (R,G,B).");
    }

    private static float ParseTemperature(string value, string modelPath) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && float.IsFinite(t) && t > 0
            ? t
            : throw new ModelContractException(modelPath, $"{ModelMetadataKeys.CalibrationTemperature} '{value}' is not a positive number.");
}
