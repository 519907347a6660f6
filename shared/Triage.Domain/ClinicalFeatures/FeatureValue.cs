using System.Globalization;

namespace Triage.Domain.ClinicalFeatures;

/// <summary>A feature's value: a boolean, a number, a category code, or explicitly unknown.</summary>
public readonly record struct FeatureValue(bool? Boolean, double? Number, string? Category)
{
    public static FeatureValue Unknown => default;

    public bool IsUnknown => Boolean is null && Number is null && Category is null;

    public static FeatureValue Of(bool value) => new(value, null, null);

    public static FeatureValue Of(double value) => new(null, value, null);

    public static FeatureValue OfCategory(string code) => new(null, null, code);

    public override string ToString() =>
        Boolean?.ToString() ?? Number?.ToString(CultureInfo.InvariantCulture) ?? Category ?? "unknown";
}
