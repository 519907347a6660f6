using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Subscriptions;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// <c>PUT /fhir/Subscription/{id}</c>: a new version, checked as a create is, with the status
/// <see cref="SubscriptionStatusTransition"/> gives. Asking for <c>requested</c> (or <c>active</c> on one that is not), or
/// naming another endpoint, starts a new handshake; the subscription's undelivered notifications then get a fresh count of
/// attempts and follow once it is accepted.
/// </summary>
public sealed class SubscriptionUpdate(
    TriageDbContext db,
    FhirResourceStore store,
    SubscriptionSignal signal,
    IOptions<SubscriptionOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionUpdate> logger)
{
    public async Task<Subscription> UpdateAsync(string id, Subscription subscription, string? ifMatch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subscription.Id))
        {
            throw FhirErrors.BadRequest("An update must carry the resource's id.", "Subscription.id", OperationOutcome.IssueType.Required);
        }

        if (subscription.Id != id)
        {
            throw FhirErrors.BadRequest($"The resource's id '{subscription.Id}' is not the id in the URL, '{id}'.", "Subscription.id");
        }

        var (record, route) = await StoredSubscription.FindAsync(db, store, id, ifMatch, isUpdate: true, cancellationToken);
        var asked = SubscriptionRequest.Check(subscription, isUpdate: true);
        var endpointChanged = asked.Endpoint != route.Endpoint;
        var status = SubscriptionStatusTransition.AfterUpdate(route.Status, subscription.Status, endpointChanged);
        var handshake = SubscriptionStatusTransition.StartsHandshake(route.Status, status, endpointChanged);
        var heartbeat = options.Value.GrantedHeartbeatSeconds(asked.HeartbeatSeconds);
        subscription.Status = SubscriptionStates.ToFhir(status);
        subscription.Error = null;
        GrantedHeartbeat.Write(subscription, heartbeat);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await store.AddVersionAsync(record, subscription, asked.PatientId, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw StoredSubscription.VersionConflict(id, $"Subscription/{id} was changed by another request after version {record.VersionId}.");
        }

        var now = clock.GetUtcNow();
        DateTimeOffset? nextHeartbeat = status == SubscriptionStates.Active && heartbeat is { } seconds ? now.AddSeconds(seconds) : null;
        await db.Subscriptions.Where(s => s.Id == id).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(s => s.Topic, asked.Topic)
                .SetProperty(s => s.PatientId, asked.PatientId)
                .SetProperty(s => s.Endpoint, asked.Endpoint)
                .SetProperty(s => s.Headers, asked.Headers)
                .SetProperty(s => s.Content, asked.Content)
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.HeartbeatSeconds, heartbeat)
                .SetProperty(s => s.EndsAt, asked.EndsAt)
                .SetProperty(s => s.NextHeartbeatAt, nextHeartbeat);
            if (handshake)
            {
                set.SetProperty(s => s.HandshakeAttempts, 0)
                    .SetProperty(s => s.HandshakeDueAt, now)
                    .SetProperty(s => s.LastHandshakeError, (string?)null);
            }
        }, cancellationToken);
        if (handshake)
        {
            await db.SubscriptionNotifications.Where(n => n.SubscriptionId == id && n.DeliveredAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.Attempts, 0).SetProperty(n => n.NextAttemptAt, now), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        logger.SubscriptionUpdated(id, record.VersionId + 1, status);
        return subscription;
    }
}
