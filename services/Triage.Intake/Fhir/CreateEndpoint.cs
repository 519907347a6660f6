using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Storage;

namespace Triage.Intake.Fhir;

/// <summary><c>POST /fhir/{type}</c>, with <c>If-None-Exist</c> and <c>Prefer: return=...</c>.</summary>
public static class CreateEndpoint
{
    public static Delegate For<T>()
        where T : Resource
    {
        var type = ModelInfo.GetFhirTypeNameForType(typeof(T))!;
        return async (HttpRequest request, FhirRequestReader reader, IdentifierRace race, ResourceIntake intake, CancellationToken cancellationToken) =>
        {
            var preference = PreferHeader.Return(request);
            var body = await reader.ReadAsync(request, cancellationToken);
            var condition = request.Headers["If-None-Exist"].FirstOrDefault();
            var outcome = (await race.RunAsync(() => intake.CreateAsync(
                [new IncomingResource(body.Parse<T>(), null, type, condition)], cancellationToken)))[0];
            return FhirResults.Saved(outcome.Resource, outcome.Created, preference);
        };
    }
}
