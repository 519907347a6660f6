namespace Triage.Fhir.Terminology;

/// <summary>Codes of the dermatologist review outcome (the completed Task and its Observation); docs/fhir-codes.md lists them.</summary>
public static class ReviewTerminology
{
    /// <summary>The project's code system for review outcomes.</summary>
    public const string ReviewOutcomeSystem = "https://skin-triage.org/fhir/CodeSystem/review-outcome";

    /// <summary>Observation code: a dermatologist's diagnosis of the photographed lesion.</summary>
    public const string DermatologistDiagnosis = "dermatologist-diagnosis";

    /// <summary>Observation component code: the histopathology result of a biopsy of the lesion.</summary>
    public const string BiopsyDiagnosis = "biopsy-diagnosis";

    /// <summary>The Observation's value when the photo cannot be assessed and must be taken again.</summary>
    public const string NotAssessable = "not-assessable";

    /// <summary>Task output types: the diagnosis, and the Observation that records it.</summary>
    public const string OutputDiagnosis = "diagnosis";
    public const string OutputObservation = "diagnosis-observation";

    /// <summary>Identifier system of reviewers (the sign-in user name), used in references to them.</summary>
    public const string ReviewerIdentifierSystem = "https://skin-triage.org/fhir/sid/reviewer";
}
