using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;

namespace Triage.Intake.Subscriptions;

/// <summary><c>PUT</c> and <c>DELETE /fhir/Subscription/{id}</c>, with <c>If-Match</c>.</summary>
public static class SubscriptionChangeEndpoints
{
    public static async Task<IResult> UpdateAsync(
        string id, HttpRequest request, FhirRequestReader reader, SubscriptionUpdate update, CancellationToken cancellationToken)
    {
        var preference = PreferHeader.Return(request);
        var body = await reader.ReadAsync(request, cancellationToken);
        var saved = await update.UpdateAsync(id, body.Parse<Subscription>(), request.Headers.IfMatch.ToString(), cancellationToken);
        return FhirResults.Saved(saved, created: false, preference);
    }

    public static async Task<IResult> DeleteAsync(string id, HttpRequest request, SubscriptionDeletion deletion, CancellationToken cancellationToken)
    {
        await deletion.DeleteAsync(id, request.Headers.IfMatch.ToString(), cancellationToken);
        return Microsoft.AspNetCore.Http.Results.NoContent();
    }
}
