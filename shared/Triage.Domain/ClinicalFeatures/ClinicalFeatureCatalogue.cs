using System.Collections.Frozen;

namespace Triage.Domain.ClinicalFeatures;

/// <summary>Every clinical feature of PAD-UFES-20, in the order the feature encoding uses.</summary>
public static class ClinicalFeatureCatalogue
{
    public const string Smoke = "smoke";
    public const string Drink = "drink";
    public const string BackgroundFather = "background_father";
    public const string BackgroundMother = "background_mother";
    public const string Age = "age";
    public const string Pesticide = "pesticide";
    public const string Gender = "gender";
    public const string SkinCancerHistory = "skin_cancer_history";
    public const string CancerHistory = "cancer_history";
    public const string HasPipedWater = "has_piped_water";
    public const string HasSewageSystem = "has_sewage_system";
    public const string Fitzpatrick = "fitspatrick";
    public const string Region = "region";
    public const string Diameter1 = "diameter_1";
    public const string Diameter2 = "diameter_2";
    public const string Itch = "itch";
    public const string Grew = "grew";
    public const string Hurt = "hurt";
    public const string Changed = "changed";
    public const string Bleed = "bleed";
    public const string Elevation = "elevation";

    /// <summary>Family origins seen in PAD-UFES-20, plus OTHER for any other country.</summary>
    public static IReadOnlyList<string> Backgrounds { get; } =
    [
        "POMERANIA", "GERMANY", "BRAZIL", "ITALY", "NETHERLANDS", "POLAND", "PORTUGAL",
        "NORWAY", "SPAIN", "FRANCE", "CZECH", "AUSTRIA", "ISRAEL", "OTHER",
    ];

    /// <summary>Anatomical regions of PAD-UFES-20.</summary>
    public static IReadOnlyList<string> Regions { get; } =
    [
        "FACE", "FOREARM", "CHEST", "BACK", "ARM", "NOSE", "HAND", "NECK",
        "EAR", "THIGH", "ABDOMEN", "LIP", "FOOT", "SCALP",
    ];

    public static IReadOnlyList<string> Genders { get; } = ["FEMALE", "MALE"];

    public static IReadOnlyList<ClinicalFeature> All { get; } =
    [
        new(Smoke, "Smokes", FeatureKind.Boolean),
        new(Drink, "Drinks alcohol", FeatureKind.Boolean),
        new(BackgroundFather, "Father's family origin", FeatureKind.Category, Categories: Backgrounds),
        new(BackgroundMother, "Mother's family origin", FeatureKind.Category, Categories: Backgrounds),
        new(Age, "Age", FeatureKind.Integer, "a", 0, 130, Scale: 100),
        new(Pesticide, "Exposed to pesticides", FeatureKind.Boolean),
        new(Gender, "Gender", FeatureKind.Category, Categories: Genders),
        new(SkinCancerHistory, "Personal history of skin cancer", FeatureKind.Boolean),
        new(CancerHistory, "Personal history of any cancer", FeatureKind.Boolean),
        new(HasPipedWater, "Has piped water", FeatureKind.Boolean),
        new(HasSewageSystem, "Has a sewage system", FeatureKind.Boolean),
        new(Fitzpatrick, "Fitzpatrick skin type", FeatureKind.Integer, null, 1, 6, Scale: 6),
        new(Region, "Body region", FeatureKind.Category, Categories: Regions),
        new(Diameter1, "Lesion diameter, largest", FeatureKind.Decimal, "mm", 0, 200, Scale: 10),
        new(Diameter2, "Lesion diameter, perpendicular", FeatureKind.Decimal, "mm", 0, 200, Scale: 10),
        new(Itch, "Itches", FeatureKind.Boolean),
        new(Grew, "Has grown", FeatureKind.Boolean),
        new(Hurt, "Hurts", FeatureKind.Boolean),
        new(Changed, "Has changed", FeatureKind.Boolean),
        new(Bleed, "Has bled", FeatureKind.Boolean),
        new(Elevation, "Is elevated", FeatureKind.Boolean),
    ];

    private static readonly FrozenDictionary<string, ClinicalFeature> ByKey =
        All.ToFrozenDictionary(f => f.Key, StringComparer.Ordinal);

    public static ClinicalFeature? Find(string key) => ByKey.GetValueOrDefault(key);

    public static ClinicalFeature Get(string key) =>
        ByKey.TryGetValue(key, out var feature) ? feature : throw new KeyNotFoundException($"No clinical feature '{key}'.");
}
