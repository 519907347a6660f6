using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// How many of a subscription's events were delivered: what a handshake or heartbeat says as
/// <c>events-since-subscription-start</c>. Events go in order, so these are events 1 to this number.
/// </summary>
public static class DeliveredEvents
{
    public static async Task<long> CountAsync(TriageDbContext db, SubscriptionRoute subscription, CancellationToken cancellationToken)
    {
        var firstPending = await db.SubscriptionNotifications
            .Where(n => n.SubscriptionId == subscription.Id && n.DeliveredAt == null)
            .OrderBy(n => n.EventNumber).Select(n => (long?)n.EventNumber).FirstOrDefaultAsync(cancellationToken);
        return firstPending is { } pending ? pending - 1 : subscription.EventCount;
    }
}
