using Hl7.Fhir.Model;
using Triage.Intake.Authorization;
using Interaction = Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction;

namespace Triage.Intake.Fhir;

/// <summary>What this server really implements, for <c>GET /fhir/metadata</c>, made from the list the routes are made from.</summary>
public static class IntakeCapabilityStatement
{
    public static CapabilityStatement Create(
        IReadOnlyList<RestResource> resources, IReadOnlyList<CapabilityStatement.SystemRestfulInteraction> systemInteractions, string baseUrl,
        FhirAuthorizationOptions authorization)
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Security = Security(authorization, baseUrl),
            Interaction = [.. systemInteractions.Select(code => new CapabilityStatement.SystemInteractionComponent { Code = code })],
            Resource = [.. resources.Select(Resource)],
        };

        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = "2026-11-27",
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Skin-lesion triage intake" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Skin-lesion triage intake", Url = baseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = [.. FhirFormat.All.Select(f => f.MediaType), .. FhirFormat.All.Select(f => f.ShortName)],
            Rest = [rest],
        };
    }

    private static CapabilityStatement.ResourceComponent Resource(RestResource resource) => new()
    {
        Type = resource.Type,
        Interaction = [.. resource.Interactions.Select(i => new CapabilityStatement.ResourceInteractionComponent { Code = i.Code })],
        // The base profile is for all uses of the type: none when the server holds resources of the type to several.
        Profile = resource.SupportedProfiles is { Count: > 1 } ? null : resource.Profile,
        SupportedProfile = [.. resource.SupportedProfiles ?? (resource.Profile is null ? [] : [resource.Profile])],
        Versioning = resource.Supports(Interaction.Vread) ? CapabilityStatement.ResourceVersionPolicy.Versioned : CapabilityStatement.ResourceVersionPolicy.NoVersion,
        ReadHistory = resource.Supports(Interaction.Vread),
        UpdateCreate = resource.Supports(Interaction.Update) ? false : null,
        ConditionalCreate = resource.Supports(Interaction.Create) ? resource.ConditionalCreate : null,
        ConditionalRead = CapabilityStatement.ConditionalReadStatus.NotSupported,
        ConditionalUpdate = resource.Supports(Interaction.Update) ? false : null,
        ConditionalDelete = CapabilityStatement.ConditionalDeleteStatus.NotSupported,
        SearchInclude = resource.SearchIncludes,
        SearchRevInclude = resource.SearchRevIncludes,
        Operation = [.. resource.Operations.Select(o => new CapabilityStatement.OperationComponent { Name = o.Name, Definition = o.Definition })],
        SearchParam =
        [
            .. resource.SearchParameters.Select(p => new CapabilityStatement.SearchParamComponent
            {
                Name = p.Name, Type = p.Type, Definition = p.Definition, Documentation = new Markdown(p.Documentation),
            }),
        ],
    };

    private static CapabilityStatement.SecurityComponent Security(FhirAuthorizationOptions authorization, string baseUrl) =>
        authorization.Enabled
            ? new CapabilityStatement.SecurityComponent
            {
                Cors = false,
                Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")],
                Description = $"OAuth 2.0 Bearer tokens from {authorization.Authority} (SMART Backend Services: client credentials), " +
                              $"with SMART system scopes (system/Type.cruds, v1 read/write accepted); token endpoint in {baseUrl}/.well-known/smart-configuration. " +
                              "The CapabilityStatement and the SMART configuration need no token.",
            }
            : new CapabilityStatement.SecurityComponent
            {
                Cors = false,
                Description = "No authentication or authorization is done by this endpoint (Intake:Authorization:Authority is not set); " +
                              "run it so only behind a gateway that does both.",
            };
}
