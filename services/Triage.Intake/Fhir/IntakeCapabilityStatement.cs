using Hl7.Fhir.Model;

namespace Triage.Intake.Fhir;

/// <summary>What this server really implements, for <c>GET /fhir/metadata</c>.</summary>
public static class IntakeCapabilityStatement
{
    public static CapabilityStatement Create()
    {
        var rest = new CapabilityStatement.RestComponent { Mode = CapabilityStatement.RestfulCapabilityMode.Server };
        rest.Interaction.Add(new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Transaction });
        rest.Interaction.Add(new CapabilityStatement.SystemInteractionComponent { Code = CapabilityStatement.SystemRestfulInteraction.Batch });
        rest.Resource.Add(Resource(ResourceType.Patient, create: true, conditionalCreate: true));
        rest.Resource.Add(Resource(ResourceType.Media, create: true, conditionalCreate: true));
        rest.Resource.Add(Resource(ResourceType.Observation, create: true));
        var riskAssessment = Resource(ResourceType.RiskAssessment, create: false);
        riskAssessment.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType });
        riskAssessment.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "subject", Type = SearchParamType.Reference });
        riskAssessment.SearchParam.Add(new CapabilityStatement.SearchParamComponent { Name = "patient", Type = SearchParamType.Reference });
        rest.Resource.Add(riskAssessment);

        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = "2026-11-27",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Skin-lesion triage intake" },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json"],
            Rest = [rest],
        };
    }

    private static CapabilityStatement.ResourceComponent Resource(ResourceType type, bool create, bool conditionalCreate = false)
    {
        var resource = new CapabilityStatement.ResourceComponent { Type = type.ToString(), ConditionalCreate = conditionalCreate };
        resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read });
        if (create)
        {
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Create });
        }

        return resource;
    }
}
