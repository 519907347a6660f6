using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Data.Subscriptions;
using Triage.Intake.Fhir;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// <c>POST /fhir/Subscription</c>: a valid backport Subscription is stored as <c>active</c> at once (no handshake is sent);
/// anything else is refused with 422 and nothing is stored.
/// </summary>
public static class SubscriptionEndpoint
{
    public static async Task<IResult> CreateAsync(
        HttpRequest request, FhirRequestReader reader, FhirResourceStore store, TriageDbContext db, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var preference = PreferHeader.Return(request);
        var subscription = (await reader.ReadAsync(request, cancellationToken)).Parse<Subscription>();
        var asked = SubscriptionRequest.Check(subscription);

        subscription.Id = null;
        subscription.Status = Subscription.SubscriptionStatus.Active;
        subscription.Error = null;
        store.AddNew(subscription, asked.PatientId);
        db.Subscriptions.Add(new SubscriptionRoute
        {
            Id = subscription.Id!,
            Topic = asked.Topic,
            PatientId = asked.PatientId,
            Endpoint = asked.Endpoint,
            Content = asked.Content,
            ServerBaseUrl = FhirResults.BaseUrl(request),
            Status = SubscriptionStates.Active,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        loggers.CreateLogger(typeof(SubscriptionEndpoint)).SubscriptionActivated(subscription.Id!, asked.Topic);
        return FhirResults.Saved(subscription, created: true, preference);
    }
}
