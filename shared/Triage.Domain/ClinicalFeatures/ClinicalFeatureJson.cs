using System.Text.Json;

namespace Triage.Domain.ClinicalFeatures;

/// <summary>
/// The known features of a case as a JSON object, feature key to value (true/false, a number or a category code):
/// how a labelled case keeps the features it was classified with, and how training reads them back.
/// </summary>
public static class ClinicalFeatureJson
{
    public static string ToJson(ClinicalFeatureSet features) =>
        JsonSerializer.Serialize(features.Known
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(f => f.Key, f => (object?)f.Value.Boolean ?? (object?)f.Value.Number ?? f.Value.Category));

    /// <exception cref="FormatException">Not a JSON object of booleans, numbers and strings.</exception>
    /// <exception cref="InvalidFeatureValueException">A key or value the catalogue does not allow.</exception>
    public static ClinicalFeatureSet FromJson(string json)
    {
        using var document = Parse(json);
        var features = ClinicalFeatureSet.Empty;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            features = features.With(property.Name, property.Value.ValueKind switch
            {
                JsonValueKind.True => FeatureValue.Of(true),
                JsonValueKind.False => FeatureValue.Of(false),
                JsonValueKind.Number => FeatureValue.Of(property.Value.GetDouble()),
                JsonValueKind.String => FeatureValue.OfCategory(property.Value.GetString()!),
                _ => throw new FormatException($"'{property.Name}' has a value of kind {property.Value.ValueKind}."),
            });
        }

        return features;
    }

    private static JsonDocument Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException invalid)
        {
            throw new FormatException($"The features are not JSON: {invalid.Message}", invalid);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new FormatException("The features must be a JSON object.");
        }

        return document;
    }
}
