using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// Adds one pending notification per matching active subscription to the current unit of work, so the notification is
/// committed (or not) with the change it reports. The caller saves.
/// </summary>
public sealed class SubscriptionEvents(TriageDbContext db, TimeProvider clock)
{
    /// <param name="focus">The resource the event is about, <c>Type/id</c>.</param>
    /// <param name="patientId">The patient it is about, for subscriptions filtered by patient.</param>
    public async Task AddAsync(string topic, string focus, string? patientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subscriptions = await db.Subscriptions
            .Where(s => s.Topic == topic && s.Status == SubscriptionStates.Active && (s.PatientId == null || s.PatientId == patientId))
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
    }
}

/// <summary>The subscription-status codes a stored subscription has.</summary>
public static class SubscriptionStates
{
    public const string Active = "active";
    public const string Error = "error";
}
