namespace Triage.Fhir.Conformance;

/// <summary>The canonical URLs of the project's own profiles and value sets (Conformance/Resources).</summary>
public static class TriageCanonicals
{
    public const string Base = "https://skin-triage.org/fhir";

    /// <summary>A lesion photo (Media) as intake takes it.</summary>
    public const string LesionPhotoProfile = Base + "/StructureDefinition/lesion-photo";

    /// <summary>A clinical feature (Observation) as intake reads it.</summary>
    public const string ClinicalFeatureProfile = Base + "/StructureDefinition/clinical-feature";

    public const string ClinicalFeatureCodeValueSet = Base + "/ValueSet/clinical-feature-code";
    public const string BodyRegionValueSet = Base + "/ValueSet/body-region";

    /// <summary>The profile intake always holds a resource of this type to, or null for types it holds to none.</summary>
    public static string? ProfileOf(string resourceType) => resourceType switch
    {
        "Media" => LesionPhotoProfile,
        "Observation" => ClinicalFeatureProfile,
        _ => null,
    };
}
