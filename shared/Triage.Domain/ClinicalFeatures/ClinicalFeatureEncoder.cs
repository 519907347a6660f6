namespace Triage.Domain.ClinicalFeatures;

/// <summary>
/// Turns a <see cref="ClinicalFeatureSet"/> into the model's <c>metadata</c> input, version
/// <see cref="Version"/>. Per feature, in catalogue order: a boolean is [value, missing]; a number is
/// [value / scale, missing]; a category is one-hot over its allowed codes followed by [missing].
/// Unknown values encode as zeros with the missing indicator set, so missingness is explicit.
/// </summary>
public static class ClinicalFeatureEncoder
{
    public const string Version = "pad-ufes-20/v1";

    /// <summary>The name of every slot of the encoded vector, e.g. <c>age</c>, <c>age:missing</c>, <c>region=FACE</c>.</summary>
    public static IReadOnlyList<string> SlotNames { get; } = BuildSlotNames();

    public static int Width => SlotNames.Count;

    public static float[] Encode(ClinicalFeatureSet features)
    {
        var vector = new float[Width];
        var slot = 0;
        foreach (var feature in ClinicalFeatureCatalogue.All)
        {
            var value = features[feature.Key];
            switch (feature.Kind)
            {
                case FeatureKind.Boolean:
                    vector[slot] = value.Boolean == true ? 1f : 0f;
                    vector[slot + 1] = value.IsUnknown ? 1f : 0f;
                    slot += 2;
                    break;
                case FeatureKind.Integer or FeatureKind.Decimal:
                    vector[slot] = value.Number is { } number ? (float)(number / feature.Scale) : 0f;
                    vector[slot + 1] = value.IsUnknown ? 1f : 0f;
                    slot += 2;
                    break;
                case FeatureKind.Category:
                    var categories = feature.AllowedCategories;
                    for (var i = 0; i < categories.Count; i++)
                    {
                        vector[slot + i] = categories[i] == value.Category ? 1f : 0f;
                    }

                    vector[slot + categories.Count] = value.IsUnknown ? 1f : 0f;
                    slot += categories.Count + 1;
                    break;
            }
        }

        return vector;
    }

    private static List<string> BuildSlotNames()
    {
        var names = new List<string>();
        foreach (var feature in ClinicalFeatureCatalogue.All)
        {
            if (feature.Kind == FeatureKind.Category)
            {
                names.AddRange(feature.AllowedCategories.Select(c => $"{feature.Key}={c}"));
            }
            else
            {
                names.Add(feature.Key);
            }

            names.Add($"{feature.Key}:missing");
        }

        return names;
    }
}
