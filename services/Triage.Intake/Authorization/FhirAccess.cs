using Interaction = Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction;

namespace Triage.Intake.Authorization;

/// <summary>
/// Route metadata: what a route of the FHIR API needs the caller's scopes to allow, a permission on a type
/// (<see cref="SmartScopes"/>). A route without it (the CapabilityStatement, the SMART configuration) is open.
/// </summary>
public sealed record FhirAccess(string Type, char Permission)
{
    /// <summary>The transaction and batch endpoint: each entry needs what its own interaction would.</summary>
    public static readonly FhirAccess PerBundleEntry = new("Bundle", '-');

    public static FhirAccess Of(Interaction interaction, string type) => new(type, interaction switch
    {
        Interaction.Create => SmartScopes.Create,
        Interaction.Read or Interaction.Vread or Interaction.HistoryInstance => SmartScopes.Read,
        Interaction.Update => SmartScopes.Update,
        Interaction.Delete => SmartScopes.Delete,
        Interaction.SearchType => SmartScopes.Search,
        _ => throw new NotSupportedException($"No permission is defined for the {interaction} interaction."),
    });

    /// <summary>An operation reads or checks, it never writes: <c>$validate</c>, <c>$status</c>, <c>$events</c>.</summary>
    public static FhirAccess OfOperation(string type) => new(type, SmartScopes.Read);
}
