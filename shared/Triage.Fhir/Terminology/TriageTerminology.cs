namespace Triage.Fhir.Terminology;

/// <summary>Code systems and codes the platform reads and writes; docs/fhir-codes.md lists every choice.</summary>
public static class TriageTerminology
{
    /// <summary>The project's code system for clinical features; the code is the feature key (metadata.csv column).</summary>
    public const string ClinicalFeatureSystem = "https://skin-triage.org/fhir/CodeSystem/clinical-feature";

    /// <summary>PAD-UFES-20 values where no standard is used: regions, family origins, genders and the six diagnoses.</summary>
    public const string PadUfes20System = "https://skin-triage.org/fhir/CodeSystem/pad-ufes-20";

    /// <summary>The platform's models; the code is the model name and <c>Coding.version</c> its version.</summary>
    public const string ModelSystem = "https://skin-triage.org/fhir/CodeSystem/model";

    public const string PadUfes20PatientIdentifierSystem = "https://skin-triage.org/fhir/sid/pad-ufes-20-patient";
    public const string PadUfes20ImageIdentifierSystem = "https://skin-triage.org/fhir/sid/pad-ufes-20-image";
    public const string PadUfes20LesionIdentifierSystem = "https://skin-triage.org/fhir/sid/pad-ufes-20-lesion";

    public const string Loinc = "http://loinc.org";
    public const string LoincAge = "30525-0";

    public const string Ucum = "http://unitsofmeasure.org";

    public const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string Exam = "exam";
    public const string SocialHistory = "social-history";

    public const string DataAbsentReasonSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    public const string DataAbsentUnknown = "unknown";

    public const string MediaTypeSystem = "http://terminology.hl7.org/CodeSystem/media-type";
    public const string MediaTypeImage = "image";

    /// <summary>HL7 AI Transparency: the resource was asserted by an AI.</summary>
    public const string SecurityLabelSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public const string AiAsserted = "AIAST";
}
