using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Triage.Intake.Authorization;
using Triage.Intake.Bundles;

namespace Triage.Intake.Fhir;

/// <summary>The FHIR R4 REST routes of intake, under <c>/fhir</c>, made from <see cref="FhirRestApi"/>.</summary>
public static class FhirEndpoints
{
    public static RouteGroupBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir");
        fhir.AddEndpointFilter<FhirAuthorizationFilter>();
        fhir.AddEndpointFilter<ResponseFormatFilter>();
        fhir.MapGet("/metadata", (HttpRequest request, IOptions<FhirAuthorizationOptions> authorization) => FhirResults.Resource(
            IntakeCapabilityStatement.Create(FhirRestApi.Resources, FhirRestApi.SystemInteractions, FhirResults.BaseUrl(request), authorization.Value)));
        fhir.MapGet(SmartConfigurationEndpoint.Path, SmartConfigurationEndpoint.GetAsync);
        if (FhirRestApi.SystemInteractions.Count > 0)
        {
            fhir.MapPost("/", BundleEndpoint.PostAsync).WithMetadata(FhirAccess.PerBundleEntry);
        }

        foreach (var resource in FhirRestApi.Resources)
        {
            foreach (var interaction in resource.Interactions)
            {
                var (method, pattern) = InteractionRoutes.Of(interaction.Code, resource.Type);
                fhir.MapMethods(pattern, [method], interaction.Handler).WithMetadata(resource, FhirAccess.Of(interaction.Code, resource.Type));
            }

            foreach (var operation in resource.Operations)
            {
                string[] methods = operation.AnswersGet ? [HttpMethods.Get, HttpMethods.Post] : [HttpMethods.Post];
                if (operation.TypeHandler is { } typeHandler)
                {
                    fhir.MapMethods($"/{resource.Type}/${operation.Name}", methods, typeHandler).WithMetadata(resource, FhirAccess.OfOperation(resource.Type));
                }

                fhir.MapMethods($"/{resource.Type}/{{id}}/${operation.Name}", methods, operation.InstanceHandler)
                    .WithMetadata(resource, FhirAccess.OfOperation(resource.Type));
            }
        }

        return fhir;
    }
}
