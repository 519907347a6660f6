using Hl7.Fhir.Model;
using Interaction = Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction;

namespace Triage.Intake.Fhir;

/// <summary>The HTTP method and route (under <c>/fhir</c>) of each FHIR R4 type-level and instance-level interaction.</summary>
public static class InteractionRoutes
{
    public static (string Method, string Pattern) Of(Interaction code, string type) => code switch
    {
        Interaction.Read => ("GET", $"/{type}/{{id}}"),
        Interaction.Vread => ("GET", $"/{type}/{{id}}/_history/{{vid}}"),
        Interaction.HistoryInstance => ("GET", $"/{type}/{{id}}/_history"),
        Interaction.Create => ("POST", $"/{type}"),
        Interaction.Update => ("PUT", $"/{type}/{{id}}"),
        Interaction.Delete => ("DELETE", $"/{type}/{{id}}"),
        Interaction.SearchType => ("GET", $"/{type}"),
        _ => throw new NotSupportedException($"No route is defined for the {code} interaction."),
    };
}
