using Hl7.Fhir.Model;
using Triage.Intake.Fhir;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Intake.Search;

/// <summary>
/// The search parameters, <c>_include</c>s and <c>_revinclude</c>s each searchable resource type honours; what it can be
/// sorted by, and the chains it follows, come from its parameters.
/// </summary>
public static class SearchCatalogue
{
    private const string Spec = "http://hl7.org/fhir/SearchParameter/";

    private static readonly SupportedSearchParameter[] Common =
    [
        new("_id", SearchParamType.Token, $"{Spec}Resource-id", "One id, or several separated by commas.", SearchKind.Id),
        new(DateRange.LastUpdated, SearchParamType.Date, $"{Spec}Resource-lastUpdated",
            "When the current version was stored: a date with eq, ne, gt, lt, ge, le, sa or eb; repeat it for a range.", SearchKind.LastUpdated),
    ];

    private static readonly Dictionary<string, SupportedSearchParameter[]> Parameters = new()
    {
        ["Media"] =
        [
            Patient("patient", $"{Spec}Media-patient"), Patient("subject", $"{Spec}Media-subject"),
            new("identifier", SearchParamType.Token, $"{Spec}Media-identifier", "system|value, value, or system|.", SearchKind.Identifier),
            new("created", SearchParamType.Date, $"{Spec}Media-created",
                "When the photo was taken: a date with eq, ne, gt, lt, ge, le, sa or eb; repeat it for a range.", SearchKind.Date),
        ],
        ["RiskAssessment"] = [Patient("subject", $"{Spec}RiskAssessment-subject"), Patient("patient", $"{Spec}clinical-patient")],
        ["Task"] =
        [
            new("status", SearchParamType.Token, $"{Spec}Task-status", "A task-status code, e.g. requested; several separated by commas.", SearchKind.Token),
            Reference("owner", $"{Spec}Task-owner", "Who is to do the task: Type/id, e.g. Organization/dermatology."),
            Reference("focus", $"{Spec}Task-focus", "What the task is about: Type/id, e.g. RiskAssessment/{id}."),
            Patient("patient", $"{Spec}Task-patient"),
        ],
        ["Provenance"] =
        [
            Reference("target", $"{Spec}Provenance-target", "The resource it is the provenance of: Type/id."),
            Reference("agent", $"{Spec}Provenance-agent", "Who took part: Type/id, e.g. Device/{id}."),
            Patient("patient", $"{Spec}Provenance-patient"),
        ],
        ["Subscription"] =
        [
            new("status", SearchParamType.Token, $"{Spec}Subscription-status",
                "A subscription-status code: active, or error once delivery gave up; several separated by commas.", SearchKind.Token),
        ],
        ["Patient"] = [new("identifier", SearchParamType.Token, $"{Spec}Patient-identifier", "system|value, value, or system|.", SearchKind.Identifier)],
        ["Observation"] =
        [
            Patient("patient", $"{Spec}clinical-patient"), Patient("subject", $"{Spec}Observation-subject"),
            new("code", SearchParamType.Token, $"{Spec}clinical-code",
                "A clinical feature's code: system|code or code, e.g. http://loinc.org|30525-0; several separated by commas.", SearchKind.Token),
            Reference("focus", $"{Spec}Observation-focus", "The photo a clinical feature was recorded with: Media/{id}."),
            Reference("derived-from", $"{Spec}Observation-derived-from", "The photo a review outcome was made from: Media/{id}."),
        ],
        ["Device"] = [new("identifier", SearchParamType.Token, $"{Spec}Device-identifier", "system|value, value, or system|.", SearchKind.Identifier)],
    };

    private static readonly IncludePath[] Includes =
    [
        new("RiskAssessment", "basis", r => ((RiskAssessment)r).Basis),
        new("RiskAssessment", "subject", r => [((RiskAssessment)r).Subject]),
        new("RiskAssessment", "performer", r => [((RiskAssessment)r).Performer]),
        new("Task", "focus", r => [((FhirTask)r).Focus]),
        new("Task", "patient", r => [((FhirTask)r).For]),
        new("Task", "requester", r => [((FhirTask)r).Requester]),
        new("Provenance", "target", r => ((Provenance)r).Target),
        new("Provenance", "agent", r => ((Provenance)r).Agent.Select(a => a.Who)),
        new("Provenance", "entity", r => ((Provenance)r).Entity.Select(e => e.What)),
        new("Media", "patient", r => [((Media)r).Subject]),
        new("Media", "subject", r => [((Media)r).Subject]),
    ];

    private static readonly RevIncludePath[] RevIncludes =
    [
        new("RiskAssessment", "Provenance", "target"),
        new("RiskAssessment", "Task", "focus"),
        new("Media", "Observation", "focus"),
        new("Media", "Observation", "derived-from"),
        new("Patient", "Media", "subject", ThroughPatient: true),
        new("Patient", "Observation", "subject", ThroughPatient: true),
        new("Patient", "RiskAssessment", "subject", ThroughPatient: true),
    ];

    public static bool IsSearchable(string type) => Parameters.ContainsKey(type);

    public static IReadOnlyList<SupportedSearchParameter> ParametersOf(string type) => [.. Parameters[type], .. Common];

    public static IReadOnlyList<IncludePath> IncludesOf(string type) => [.. Includes.Where(i => i.SourceType == type)];

    /// <summary>Every <c>_include</c> of every type: what <c>_include:iterate</c> may name, from whatever was included.</summary>
    public static IReadOnlyList<IncludePath> AllIncludes => Includes;

    public static IReadOnlyList<RevIncludePath> RevIncludesOf(string type) => [.. RevIncludes.Where(i => i.TargetType == type)];

    /// <summary>What <c>_sort</c> takes for the type: <c>_lastUpdated</c> and its date parameters.</summary>
    public static IReadOnlyList<SupportedSearchParameter> SortKeysOf(string type) =>
        [.. ParametersOf(type).Where(p => p.Kind is SearchKind.LastUpdated or SearchKind.Date)];

    private static SupportedSearchParameter Patient(string name, string definition) =>
        new(name, SearchParamType.Reference, definition, PatientDocumentation(name), SearchKind.Patient) { TargetType = "Patient" };

    /// <summary>R4's CapabilityStatement has no element for chains, so the one <see cref="PatientIdentifierChain"/> follows is said here.</summary>
    private static string PatientDocumentation(string name) =>
        $"The patient: Patient/{{id}} or {{id}}; or, chained, by the patient's identifier: {name}.identifier=system|value (also {name}:Patient.identifier).";

    private static SupportedSearchParameter Reference(string name, string definition, string documentation) =>
        new(name, SearchParamType.Reference, definition, documentation, SearchKind.Reference);
}
