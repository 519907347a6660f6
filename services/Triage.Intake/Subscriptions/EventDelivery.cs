using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Subscriptions;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// POSTs the pending event notifications of <c>active</c> subscriptions, in event order per subscription (a later event
/// waits for an earlier one that is being retried), marking each delivered only after a 2xx answer. A failed POST is tried
/// again after a delay that doubles each time up to a cap; after <see cref="SubscriptionOptions.MaxAttempts"/> failures the
/// subscription is set to <c>error</c> and its notifications stay pending, undelivered. Delivery is at least once.
/// </summary>
public sealed class EventDelivery(
    TriageDbContext db,
    FhirResourceStore store,
    NotificationPoster poster,
    SubscriptionStatusWriter statuses,
    IOptions<SubscriptionOptions> options,
    TimeProvider clock,
    ILogger<EventDelivery> logger)
{
    private const int BatchSize = 50;

    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Status == SubscriptionStates.Active
                && db.SubscriptionNotifications.Any(n => n.SubscriptionId == s.Id && n.DeliveredAt == null && n.NextAttemptAt <= now))
            .ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            var queue = await db.SubscriptionNotifications
                .Where(n => n.SubscriptionId == subscription.Id && n.DeliveredAt == null)
                .OrderBy(n => n.EventNumber).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var notification in queue)
            {
                if (notification.NextAttemptAt > clock.GetUtcNow() || !await DeliverAsync(subscription, notification, cancellationToken))
                {
                    break;
                }
            }
        }
    }

    /// <returns>Whether it was delivered; the outcome is saved either way.</returns>
    private async Task<bool> DeliverAsync(SubscriptionRoute subscription, SubscriptionNotification notification, CancellationToken cancellationToken)
    {
        Resource? focus = null;
        if (subscription.Content == SubscriptionTopics.FullResource && notification.FocusReference.Split('/') is [var type, var id])
        {
            focus = await store.ReadAsync(type, id, cancellationToken);
        }

        var bundle = NotificationBundle.Event(subscription, notification, focus, clock.GetUtcNow());
        notification.Attempts++;
        var error = await poster.PostAsync(subscription, bundle, cancellationToken);
        if (error is null)
        {
            notification.DeliveredAt = clock.GetUtcNow();
            notification.LastError = null;
            await db.SaveChangesAsync(cancellationToken);
            await HeartbeatSender.PostponeAsync(db, subscription, notification.DeliveredAt.Value, cancellationToken);
            logger.NotificationDelivered(subscription.Id, notification.EventNumber);
            return true;
        }

        notification.LastError = error;
        notification.NextAttemptAt = clock.GetUtcNow() + options.Value.RetryDelay(notification.Attempts);
        logger.NotificationFailed(subscription.Id, notification.EventNumber, notification.Attempts, error, notification.NextAttemptAt);
        await db.SaveChangesAsync(cancellationToken);
        if (notification.Attempts >= options.Value.MaxAttempts)
        {
            var reason = $"Notification {notification.EventNumber} could not be delivered after {notification.Attempts} attempts: {error}";
            if (await statuses.ChangeAsync(subscription, SubscriptionStates.Error, reason, cancellationToken))
            {
                logger.SubscriptionFailed(subscription.Id, notification.Attempts);
            }
        }

        return false;
    }
}
