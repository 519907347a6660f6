using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Subscriptions;
using Triage.Intake.Fhir;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// <c>POST /fhir/Subscription</c>: a valid backport Subscription is stored as <c>requested</c> and the dispatcher is woken
/// to send its handshake; anything else is refused with 422 and nothing is stored.
/// </summary>
public static class SubscriptionEndpoint
{
    public static async Task<IResult> CreateAsync(
        HttpRequest request, FhirRequestReader reader, FhirResourceStore store, TriageDbContext db, SubscriptionSignal signal,
        IOptions<SubscriptionOptions> options, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var preference = PreferHeader.Return(request);
        var subscription = (await reader.ReadAsync(request, cancellationToken)).Parse<Subscription>();
        var asked = SubscriptionRequest.Check(subscription);
        var heartbeat = options.Value.GrantedHeartbeatSeconds(asked.HeartbeatSeconds);

        subscription.Id = null;
        subscription.Status = Subscription.SubscriptionStatus.Requested;
        subscription.Error = null;
        GrantedHeartbeat.Write(subscription, heartbeat);
        store.AddNew(subscription, asked.PatientId);
        db.Subscriptions.Add(new SubscriptionRoute
        {
            Id = subscription.Id!,
            Topic = asked.Topic,
            PatientId = asked.PatientId,
            Endpoint = asked.Endpoint,
            Headers = asked.Headers,
            Content = asked.Content,
            ServerBaseUrl = FhirResults.BaseUrl(request),
            Status = SubscriptionStates.Requested,
            HeartbeatSeconds = heartbeat,
            EndsAt = asked.EndsAt,
            HandshakeDueAt = clock.GetUtcNow(),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        loggers.CreateLogger(typeof(SubscriptionEndpoint)).SubscriptionRequested(subscription.Id!, asked.Topic);
        return FhirResults.Saved(subscription, created: true, preference);
    }
}
