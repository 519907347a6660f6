using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;

namespace Triage.Intake.Versions;

/// <summary><c>PUT /fhir/{type}/{id}</c>, with <c>If-Match</c> and <c>Prefer: return=...</c>.</summary>
public static class UpdateEndpoint
{
    public static Delegate For<T>()
        where T : Resource
    {
        var type = ModelInfo.GetFhirTypeNameForType(typeof(T))!;
        return async (string id, HttpRequest request, FhirRequestReader reader, ResourceUpdate update, CancellationToken cancellationToken) =>
        {
            var preference = PreferHeader.Return(request);
            var body = await reader.ReadAsync(request, cancellationToken);
            var saved = await update.UpdateAsync(type, id, body.Parse<T>(), request.Headers.IfMatch.ToString(), cancellationToken);
            return FhirResults.Saved(saved, created: false, preference);
        };
    }
}
