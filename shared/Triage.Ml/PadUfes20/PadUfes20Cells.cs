using System.Globalization;
using Triage.Domain.ClinicalFeatures;

namespace Triage.Ml.PadUfes20;

/// <summary>Turns metadata.csv cells into clinical feature values; what cannot be read is unknown.</summary>
public static class PadUfes20Cells
{
    public static ClinicalFeatureSet ParseFeatures(Func<string, string> cell)
    {
        var features = ClinicalFeatureSet.Empty;
        foreach (var feature in ClinicalFeatureCatalogue.All)
        {
            var value = Parse(feature, cell(feature.Key));
            try
            {
                features = features.With(feature.Key, value);
            }
            catch (InvalidFeatureValueException)
            {
                // Out of range or not an allowed code: the dataset's value is treated as unknown.
            }
        }

        return features;
    }

    public static FeatureValue Parse(ClinicalFeature feature, string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0 || text.Equals("UNK", StringComparison.OrdinalIgnoreCase))
        {
            return FeatureValue.Unknown;
        }

        return feature.Kind switch
        {
            FeatureKind.Boolean => ParseBoolean(text) is { } flag ? FeatureValue.Of(flag) : FeatureValue.Unknown,
            FeatureKind.Integer or FeatureKind.Decimal =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? FeatureValue.Of(number)
                    : FeatureValue.Unknown,
            FeatureKind.Category => ParseCategory(feature, text.ToUpperInvariant()),
            _ => FeatureValue.Unknown,
        };
    }

    public static bool? ParseBoolean(string text) =>
        text.Equals("True", StringComparison.OrdinalIgnoreCase) ? true
        : text.Equals("False", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    private static FeatureValue ParseCategory(ClinicalFeature feature, string code)
    {
        var isBackground = ReferenceEquals(feature.AllowedCategories, ClinicalFeatureCatalogue.Backgrounds);
        if (isBackground && code == "BRASIL")
        {
            code = "BRAZIL";
        }

        if (feature.AllowedCategories.Contains(code))
        {
            return FeatureValue.OfCategory(code);
        }

        return isBackground ? FeatureValue.OfCategory("OTHER") : FeatureValue.Unknown;
    }
}
