using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Data;

namespace Triage.Intake.Subscriptions;

/// <summary>Turns <c>off</c> each subscription whose <c>Subscription.end</c> has passed; nothing more is queued or sent for it.</summary>
public sealed class SubscriptionEnd(TriageDbContext db, SubscriptionStatusWriter statuses, TimeProvider clock, ILogger<SubscriptionEnd> logger)
{
    public async Task TurnOffEndedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ended = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Status != SubscriptionStates.Off && s.EndsAt != null && s.EndsAt <= now)
            .ToListAsync(cancellationToken);
        foreach (var subscription in ended)
        {
            if (await statuses.ChangeAsync(subscription, SubscriptionStates.Off, null, cancellationToken))
            {
                logger.SubscriptionEnded(subscription.Id);
            }
        }
    }
}
