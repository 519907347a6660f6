using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// Sends the handshake of each <c>requested</c> subscription that is due: accepted (2xx), the subscription turns
/// <c>active</c> and its queued events follow; refused, it is tried again after the usual back-off, and after
/// <see cref="SubscriptionOptions.MaxHandshakeAttempts"/> refusals the subscription is set to <c>error</c>.
/// </summary>
public sealed class HandshakeSender(
    TriageDbContext db,
    NotificationPoster poster,
    SubscriptionStatusWriter statuses,
    IOptions<SubscriptionOptions> options,
    TimeProvider clock,
    ILogger<HandshakeSender> logger)
{
    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Status == SubscriptionStates.Requested && s.HandshakeDueAt <= now)
            .ToListAsync(cancellationToken);
        foreach (var subscription in due)
        {
            await SendAsync(subscription, cancellationToken);
        }
    }

    private async Task SendAsync(SubscriptionRoute subscription, CancellationToken cancellationToken)
    {
        var delivered = await DeliveredEvents.CountAsync(db, subscription, cancellationToken);
        var handshake = NotificationBundle.WithoutEvent(subscription, NotificationBundle.Handshake, SubscriptionStates.Requested, delivered, clock.GetUtcNow());
        var error = await poster.PostAsync(subscription, handshake, cancellationToken);
        if (error is null)
        {
            if (await statuses.ChangeAsync(subscription, SubscriptionStates.Active, null, cancellationToken))
            {
                logger.SubscriptionActivated(subscription.Id, subscription.Topic);
            }

            return;
        }

        var attempts = subscription.HandshakeAttempts + 1;
        if (attempts >= options.Value.MaxHandshakeAttempts)
        {
            var reason = $"The handshake was refused {attempts} times (last: {error}); no events are sent. PUT the Subscription with status requested to try again.";
            if (await statuses.ChangeAsync(subscription, SubscriptionStates.Error, reason, cancellationToken))
            {
                logger.HandshakeFailed(subscription.Id, attempts, error);
            }

            return;
        }

        var next = clock.GetUtcNow() + options.Value.RetryDelay(attempts);
        await db.Subscriptions
            .Where(s => s.Id == subscription.Id && s.Status == SubscriptionStates.Requested && s.Endpoint == subscription.Endpoint)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.HandshakeAttempts, attempts)
                .SetProperty(s => s.HandshakeDueAt, next)
                .SetProperty(s => s.LastHandshakeError, error), cancellationToken);
        logger.HandshakeRefused(subscription.Id, attempts, error, next);
    }
}
