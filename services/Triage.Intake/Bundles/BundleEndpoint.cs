using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Authorization;
using Triage.Intake.Fhir;
using Triage.Intake.Storage;

namespace Triage.Intake.Bundles;

/// <summary><c>POST /fhir</c>: a transaction or batch Bundle; the caller's scopes must allow every entry (403 for the whole Bundle otherwise).</summary>
public static class BundleEndpoint
{
    public static async Task<IResult> PostAsync(
        HttpRequest request, FhirRequestReader reader, IdentifierRace race, BundleHandler bundles, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(request, cancellationToken);
        FhirCaller.Of(request.HttpContext)?.Demand(BundleAccess.Of(body.Parse<Bundle>()));
        return FhirResults.Resource(await race.RunAsync(() => bundles.HandleAsync(body.Parse<Bundle>(), cancellationToken)));
    }
}
