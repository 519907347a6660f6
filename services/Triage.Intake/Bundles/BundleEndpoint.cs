using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;
using Triage.Intake.Storage;

namespace Triage.Intake.Bundles;

/// <summary><c>POST /fhir</c>: a transaction or batch Bundle.</summary>
public static class BundleEndpoint
{
    public static async Task<IResult> PostAsync(
        HttpRequest request, FhirRequestReader reader, IdentifierRace race, BundleHandler bundles, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(request, cancellationToken);
        return FhirResults.Resource(await race.RunAsync(() => bundles.HandleAsync(body.Parse<Bundle>(), cancellationToken)));
    }
}
