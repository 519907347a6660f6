using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// Sends a <c>heartbeat</c> to each <c>active</c> subscription with a heartbeat period that has had no notification for
/// that long and has none waiting. A heartbeat is not retried: the next one is due a period later either way, and a
/// refused heartbeat does not count towards setting the subscription to <c>error</c>.
/// </summary>
public sealed class HeartbeatSender(TriageDbContext db, NotificationPoster poster, TimeProvider clock, ILogger<HeartbeatSender> logger)
{
    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Status == SubscriptionStates.Active && s.NextHeartbeatAt != null && s.NextHeartbeatAt <= now
                && !db.SubscriptionNotifications.Any(n => n.SubscriptionId == s.Id && n.DeliveredAt == null))
            .ToListAsync(cancellationToken);
        foreach (var subscription in due)
        {
            var heartbeat = NotificationBundle.WithoutEvent(
                subscription, NotificationBundle.Heartbeat, SubscriptionStates.Active, subscription.EventCount, clock.GetUtcNow());
            var error = await poster.PostAsync(subscription, heartbeat, cancellationToken);
            if (error is null)
            {
                logger.HeartbeatSent(subscription.Id);
            }
            else
            {
                logger.HeartbeatFailed(subscription.Id, error);
            }

            await PostponeAsync(db, subscription, clock.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>After a notification was sent at <paramref name="sentAt"/>, the next heartbeat is due a period later.</summary>
    public static async Task PostponeAsync(TriageDbContext db, SubscriptionRoute subscription, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (subscription.HeartbeatSeconds is not { } seconds)
        {
            return;
        }

        var next = sentAt.AddSeconds(seconds);
        await db.Subscriptions
            .Where(s => s.Id == subscription.Id && s.Status == SubscriptionStates.Active && s.HeartbeatSeconds == seconds)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.NextHeartbeatAt, next), cancellationToken);
    }
}
