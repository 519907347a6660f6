using Hl7.Fhir.Model;
using Triage.Intake.Fhir;

namespace Triage.Intake.Search;

/// <summary>
/// The one chain this server follows: from a patient reference parameter to the patient's identifier,
/// <c>{name}.identifier=system|value</c> or <c>{name}:Patient.identifier=...</c>, so that an EHR finds results by its MRN.
/// </summary>
internal static class PatientIdentifierChain
{
    private const string Chained = "identifier";

    /// <summary>The chained parameter <paramref name="name"/> stands for, or null when it is no chain this server follows.</summary>
    public static SupportedSearchParameter? Resolve(string name, IReadOnlyList<SupportedSearchParameter> parameters)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || name[(dot + 1)..] != Chained)
        {
            return null;
        }

        var reference = name[..dot].Split(':');
        if (reference.Length > 2 || (reference.Length == 2 && reference[1] != "Patient"))
        {
            return null;
        }

        return parameters.FirstOrDefault(p => p.Name == reference[0] && p.Kind == SearchKind.Patient) is { } patient
            ? new SupportedSearchParameter(
                name, SearchParamType.Token, patient.Definition, "The patient's identifier: system|value, value, or system|.", SearchKind.PatientIdentifier)
            : null;
    }
}
