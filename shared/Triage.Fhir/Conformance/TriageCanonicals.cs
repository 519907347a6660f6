namespace Triage.Fhir.Conformance;

/// <summary>The canonical URLs of the project's own profiles and value sets (Conformance/Resources).</summary>
public static class TriageCanonicals
{
    public const string Base = "https://skin-triage.org/fhir";

    /// <summary>A lesion photo (Media) as intake takes it.</summary>
    public const string LesionPhotoProfile = Base + "/StructureDefinition/lesion-photo";

    /// <summary>A clinical feature (Observation) as intake reads it.</summary>
    public const string ClinicalFeatureProfile = Base + "/StructureDefinition/clinical-feature";

    /// <summary>A classification as written back (RiskAssessment).</summary>
    public const string AiRiskAssessmentProfile = Base + "/StructureDefinition/ai-risk-assessment";

    /// <summary>The order for a dermatologist review (Task).</summary>
    public const string ReviewTaskProfile = Base + "/StructureDefinition/review-task";

    /// <summary>A model version (Device).</summary>
    public const string ModelDeviceProfile = Base + "/StructureDefinition/model-device";

    /// <summary>Where an AI result came from (Provenance).</summary>
    public const string ResultProvenanceProfile = Base + "/StructureDefinition/result-provenance";

    /// <summary>A dermatologist's or a biopsy's diagnosis of a lesion (Observation), written back after review.</summary>
    public const string LesionDiagnosisProfile = Base + "/StructureDefinition/lesion-diagnosis";

    public const string ClinicalFeatureCodeValueSet = Base + "/ValueSet/clinical-feature-code";
    public const string BodyRegionValueSet = Base + "/ValueSet/body-region";

    /// <summary>
    /// The profile every resource of this type on this server conforms to, or null for types without one: what intake
    /// holds a Media or Observation to, and what the platform writes back. The Observations the platform writes (lesion
    /// diagnoses) are the exception: they claim <see cref="LesionDiagnosisProfile"/> instead.
    /// </summary>
    public static string? ProfileOf(string resourceType) => resourceType switch
    {
        "Media" => LesionPhotoProfile,
        "Observation" => ClinicalFeatureProfile,
        "RiskAssessment" => AiRiskAssessmentProfile,
        "Task" => ReviewTaskProfile,
        "Device" => ModelDeviceProfile,
        "Provenance" => ResultProvenanceProfile,
        _ => null,
    };
}
