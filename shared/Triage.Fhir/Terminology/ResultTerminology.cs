namespace Triage.Fhir.Terminology;

/// <summary>Code systems and codes of the write-back (Device, Provenance, review Task); docs/fhir-codes.md lists them.</summary>
public static class ResultTerminology
{
    /// <summary>Identifier system of a model Device: the value is <c>{model name}@{model version}</c>.</summary>
    public const string ModelDeviceIdentifierSystem = "https://skin-triage.org/fhir/sid/model-version";

    /// <summary>Device property types of the project: <c>model-role</c>, valued from the model-role code system.</summary>
    public const string DevicePropertySystem = "https://skin-triage.org/fhir/CodeSystem/device-property";
    public const string ModelRoleProperty = "model-role";

    public const string TaskCodeSystem = "https://skin-triage.org/fhir/CodeSystem/task-code";
    public const string DermatologistReview = "dermatologist-review";

    public const string ReviewReasonSystem = "https://skin-triage.org/fhir/CodeSystem/review-reason";

    public const string ProvenanceParticipantTypeSystem = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public const string DataOperationSystem = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
}
