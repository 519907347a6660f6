using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// <c>DELETE /fhir/Subscription/{id}</c>: removes the Subscription (every version), its route and its notifications, so
/// nothing more is sent; undelivered notifications are dropped. The server keeps no deleted versions of any type, so a
/// later read is 404, as for an id that never existed. A POST already on its way when the delete commits still arrives.
/// </summary>
public sealed class SubscriptionDeletion(TriageDbContext db, FhirResourceStore store, ILogger<SubscriptionDeletion> logger)
{
    public async Task DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        await StoredSubscription.FindAsync(db, store, id, ifMatch, isUpdate: false, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dropped = await db.SubscriptionNotifications.Where(n => n.SubscriptionId == id && n.DeliveredAt == null).ExecuteDeleteAsync(cancellationToken);
        await db.SubscriptionNotifications.Where(n => n.SubscriptionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Subscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await db.SearchIndex.Where(e => e.ResourceType == "Subscription" && e.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Resources.Where(r => r.ResourceType == "Subscription" && r.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.SubscriptionDeleted(id, dropped);
    }
}
