using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Data.Resources;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// <c>DELETE /fhir/Subscription/{id}</c>: removes the Subscription (every version), its route and its notifications, so
/// nothing more is sent; undelivered notifications are dropped. Only a record of the deletion stays
/// (<see cref="DeletedResource"/>): a later read, history, update or delete of the id is 410 Gone, and deleting it again
/// changes nothing. A POST already on its way when the delete commits still arrives.
/// </summary>
public sealed class SubscriptionDeletion(TriageDbContext db, FhirResourceStore store, TimeProvider clock, ILogger<SubscriptionDeletion> logger)
{
    private const string Type = "Subscription";

    /// <summary>Deletes the Subscription; one deleted before is left as it is (FHIR: deleting a deleted resource has no effect).</summary>
    public async Task DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        if (await store.DeletionOfAsync(Type, id, cancellationToken) is not null)
        {
            return;
        }

        var subscription = await StoredSubscription.FindAsync(db, store, id, ifMatch, isUpdate: false, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dropped = await db.SubscriptionNotifications.Where(n => n.SubscriptionId == id && n.DeliveredAt == null).ExecuteDeleteAsync(cancellationToken);
        await db.SubscriptionNotifications.Where(n => n.SubscriptionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Subscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await db.SearchIndex.Where(e => e.ResourceType == Type && e.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Resources.Where(r => r.ResourceType == Type && r.ResourceId == id).ExecuteDeleteAsync(cancellationToken);
        db.DeletedResources.Add(new DeletedResource
        {
            ResourceType = Type, ResourceId = id, VersionId = subscription.Record.VersionId + 1, DeletedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.SubscriptionDeleted(id, dropped);
    }
}
