using Hl7.Fhir.Model;
using Triage.Contracts;

namespace Triage.Fhir.Results;

/// <summary>
/// How a RiskAssessment says which model decided (student or teacher) and why the student escalated:
/// one extension each, valued with a Coding from a code system of the project.
/// </summary>
public static class ModelCascadeCoding
{
    public const string DecidedByExtension = "https://skin-triage.org/fhir/StructureDefinition/decided-by";
    public const string EscalationReasonExtension = "https://skin-triage.org/fhir/StructureDefinition/escalation-reason";
    public const string ModelRoleSystem = "https://skin-triage.org/fhir/CodeSystem/model-role";
    public const string EscalationReasonSystem = "https://skin-triage.org/fhir/CodeSystem/escalation-reason";

    private static readonly Dictionary<string, (string Code, string Display, string Because)> Reasons = new()
    {
        ["LowConfidence"] = ("low-confidence", "Low confidence of the student",
            "its most probable diagnosis was not probable enough"),
        ["UncertainCancerProbability"] = ("uncertain-cancer-probability", "Uncertain probability of cancer",
            "its probability of cancer (BCC + MEL + SCC) was in the uncertain band"),
    };

    /// <exception cref="ArgumentException">Not <see cref="ModelRole.Student"/> or <see cref="ModelRole.Teacher"/>.</exception>
    public static Coding Role(string decidedBy) => decidedBy switch
    {
        ModelRole.Student => new Coding(ModelRoleSystem, ModelRole.Student, "Student model"),
        ModelRole.Teacher => new Coding(ModelRoleSystem, ModelRole.Teacher, "Teacher model"),
        _ => throw new ArgumentException($"Unknown deciding model '{decidedBy}'.", nameof(decidedBy)),
    };

    /// <param name="reason">A name of <c>ClassificationCompleted.EscalationReasons</c>.</param>
    /// <exception cref="ArgumentException">An unknown reason.</exception>
    public static Coding Reason(string reason)
    {
        var (code, display, _) = Known(reason);
        return new Coding(EscalationReasonSystem, code, display);
    }

    public static IEnumerable<Extension> Extensions(ClassificationCompleted result) =>
    [
        new Extension(DecidedByExtension, Role(result.DecidedBy)),
        .. result.EscalationReasons.Select(r => new Extension(EscalationReasonExtension, Reason(r))),
    ];

    /// <summary>For people: why the teacher was asked and that its answer is the one given. Null when not escalated.</summary>
    public static string? EscalationNote(ClassificationCompleted result) =>
        result.EscalationReasons.Count == 0
            ? null
            : $"Escalated from the student model {result.StudentOutput.ModelName} {result.StudentOutput.ModelVersion} because " +
              $"{string.Join("; and ", result.EscalationReasons.Select(r => Known(r).Because))}. " +
              $"The predictions are those of the {result.DecidedBy} model {result.ModelName} {result.ModelVersion}.";

    private static (string Code, string Display, string Because) Known(string reason) =>
        Reasons.TryGetValue(reason, out var known)
            ? known
            : throw new ArgumentException($"Unknown escalation reason '{reason}'.", nameof(reason));
}
