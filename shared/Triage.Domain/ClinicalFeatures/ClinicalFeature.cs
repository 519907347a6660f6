namespace Triage.Domain.ClinicalFeatures;

/// <summary>
/// One clinical feature of PAD-UFES-20's metadata.csv: what it is, how it is measured and which
/// values it may take. Every feature may also be unknown.
/// </summary>
/// <param name="Key">The metadata.csv column name; the same key is used everywhere.</param>
/// <param name="Scale">Numbers are divided by this when encoded for a model.</param>
public sealed record ClinicalFeature(
    string Key,
    string Display,
    FeatureKind Kind,
    string? Unit = null,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? Categories = null,
    double Scale = 1)
{
    public IReadOnlyList<string> AllowedCategories => Categories ?? [];

    /// <summary>Why <paramref name="value"/> is not a valid value of this feature, or null if it is.</summary>
    public string? Check(FeatureValue value)
    {
        if (value.IsUnknown)
        {
            return null;
        }

        return (Kind, value) switch
        {
            (FeatureKind.Boolean, { Boolean: not null }) => null,
            (FeatureKind.Category, { Category: { } code }) => AllowedCategories.Contains(code)
                ? null
                : $"'{code}' is not an allowed value of {Key} (allowed: {string.Join(", ", AllowedCategories)}).",
            (FeatureKind.Integer or FeatureKind.Decimal, { Number: { } number }) => CheckNumber(number),
            _ => $"{Key} expects a {Kind.ToString().ToLowerInvariant()} value.",
        };
    }

    private string? CheckNumber(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return $"{Key} must be a finite number.";
        }

        if (Kind == FeatureKind.Integer && number != Math.Floor(number))
        {
            return $"{Key} must be a whole number.";
        }

        if (number < Minimum || number > Maximum)
        {
            return $"{Key} must be between {Minimum} and {Maximum}{(Unit is null ? "" : " " + Unit)}; got {number}.";
        }

        return null;
    }
}
