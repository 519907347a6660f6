using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Triage.Intake.Bundles;
using Triage.Intake.Results;
using Triage.Intake.Storage;

namespace Triage.Intake.Fhir;

/// <summary>The FHIR R4 REST routes of intake, under <c>/fhir</c>.</summary>
public static class FhirEndpoints
{
    public static RouteGroupBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir");
        fhir.MapGet("/metadata", () => FhirResults.Resource(IntakeCapabilityStatement.Create()));
        fhir.MapPost("/", async (HttpRequest request, FhirRequestReader reader, IdentifierRace race, BundleHandler bundles, CancellationToken ct) =>
        {
            var json = await reader.ReadJsonAsync(request, ct);
            return FhirResults.Resource(await race.RunAsync(() => bundles.HandleAsync(FhirRequestReader.Parse<Bundle>(json), ct)));
        });

        MapCreate<Patient>(fhir);
        MapCreate<Media>(fhir);
        MapCreate<Observation>(fhir);
        MapRead<Patient>(fhir);
        MapRead<Media>(fhir);
        MapRead<Observation>(fhir);
        MapRead<RiskAssessment>(fhir);
        fhir.MapGet("/RiskAssessment", RiskAssessmentSearch.SearchAsync);
        fhir.MapGet("/Binary/{id}", BinaryEndpoint.ReadAsync);
        return fhir;
    }

    private static void MapCreate<T>(RouteGroupBuilder fhir)
        where T : Resource
    {
        var type = ModelInfo.GetFhirTypeNameForType(typeof(T));
        fhir.MapPost($"/{type}", async (HttpRequest request, FhirRequestReader reader, IdentifierRace race, ResourceIntake intake, CancellationToken ct) =>
        {
            var json = await reader.ReadJsonAsync(request, ct);
            var condition = request.Headers["If-None-Exist"].FirstOrDefault();
            var outcome = (await race.RunAsync(() => intake.CreateAsync(
                [new IncomingResource(FhirRequestReader.Parse<T>(json), null, type!, condition)], ct)))[0];
            return outcome.Created ? FhirResults.Created(outcome.Resource) : FhirResults.Resource(outcome.Resource);
        });
    }

    private static void MapRead<T>(RouteGroupBuilder fhir)
        where T : Resource
    {
        var type = ModelInfo.GetFhirTypeNameForType(typeof(T))!;
        fhir.MapGet($"/{type}/{{id}}", async (string id, FhirResourceStore store, CancellationToken ct) =>
            await store.ReadAsync<T>(id, ct) is { } resource ? FhirResults.Resource(resource) : FhirResults.NotFound(type, id));
    }
}
