using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// Adds one pending notification per matching subscription to the current unit of work, so the notification is committed
/// (or not) with the change it reports, and wakes the dispatcher once that commit succeeded. The caller saves. Subscriptions
/// still waiting for their handshake (<c>requested</c>) get their events queued, delivered once the handshake is accepted.
/// </summary>
public sealed class SubscriptionEvents(TriageDbContext db, SubscriptionSignal signal, TimeProvider clock)
{
    private bool _wakeAfterSave;

    /// <param name="focus">The resource the event is about, <c>Type/id</c>.</param>
    /// <param name="patientId">The patient it is about, for subscriptions filtered by patient.</param>
    public async Task AddAsync(string topic, string focus, string? patientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscriptions = await db.Subscriptions
            .Where(s => s.Topic == topic
                && (s.Status == SubscriptionStates.Active || s.Status == SubscriptionStates.Requested)
                && (s.EndsAt == null || s.EndsAt > now)
                && (s.PatientId == null || s.PatientId == patientId))
            .ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            subscription.EventCount++;
            db.SubscriptionNotifications.Add(new SubscriptionNotification
            {
                Id = Guid.NewGuid(),
                SubscriptionId = subscription.Id,
                EventNumber = subscription.EventCount,
                FocusReference = focus,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        if (subscriptions.Count > 0 && !_wakeAfterSave)
        {
            _wakeAfterSave = true;
            db.SavedChanges += WakeDispatcher;
        }
    }

    private void WakeDispatcher(object? sender, SavedChangesEventArgs e)
    {
        db.SavedChanges -= WakeDispatcher;
        _wakeAfterSave = false;
        signal.Notify();
    }
}
