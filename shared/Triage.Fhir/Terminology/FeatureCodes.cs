using System.Collections.Frozen;
using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using C = Triage.Domain.ClinicalFeatures.ClinicalFeatureCatalogue;

namespace Triage.Fhir.Terminology;

/// <summary>How one clinical feature is coded as an Observation.</summary>
/// <param name="Alternative">A standard code accepted and written beside the project code, if any.</param>
public sealed record FeatureCode(ClinicalFeature Feature, string Category, Coding? Alternative = null)
{
    public string Key => Feature.Key;

    public Coding ProjectCoding => new(TriageTerminology.ClinicalFeatureSystem, Feature.Key, Feature.Display);
}

public static class FeatureCodes
{
    private static readonly FrozenSet<string> LesionFeatures =
        new[] { C.Fitzpatrick, C.Region, C.Diameter1, C.Diameter2, C.Itch, C.Grew, C.Hurt, C.Changed, C.Bleed, C.Elevation }
            .ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<FeatureCode> All { get; } = C.All.Select(Describe).ToArray();

    private static readonly FrozenDictionary<string, FeatureCode> ByKey =
        All.ToFrozenDictionary(c => c.Key, StringComparer.Ordinal);

    public static FeatureCode Get(string key) =>
        ByKey.TryGetValue(key, out var code) ? code : throw new KeyNotFoundException($"No clinical feature '{key}'.");

    /// <summary>The feature a coding names: the project code of a feature key, or a standard alternative.</summary>
    public static FeatureCode? Find(Coding coding) =>
        coding.System switch
        {
            TriageTerminology.ClinicalFeatureSystem => coding.Code is { } key ? ByKey.GetValueOrDefault(key) : null,
            _ => All.FirstOrDefault(c => c.Alternative is { } a && a.System == coding.System && a.Code == coding.Code),
        };

    private static FeatureCode Describe(ClinicalFeature feature) =>
        new(
            feature,
            LesionFeatures.Contains(feature.Key) ? TriageTerminology.Exam : TriageTerminology.SocialHistory,
            feature.Key == C.Age ? new Coding(TriageTerminology.Loinc, TriageTerminology.LoincAge, "Age") : null);
}
