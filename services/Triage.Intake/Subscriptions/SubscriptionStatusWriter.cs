using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Subscriptions;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// The dispatcher's changes of a subscription's status (activated by its handshake, set to error, turned off at its end):
/// the route and a new version of the Subscription resource in one transaction, and only if the subscription is still as
/// the dispatcher saw it. A client's update or delete in between wins; the dispatcher's change is then dropped.
/// </summary>
public sealed class SubscriptionStatusWriter(TriageDbContext db, FhirResourceStore store, TimeProvider clock)
{
    /// <returns>Whether the change was made.</returns>
    public async Task<bool> ChangeAsync(SubscriptionRoute seen, string status, string? error, CancellationToken cancellationToken)
    {
        var nextHeartbeat = status == SubscriptionStates.Active && seen.HeartbeatSeconds is { } seconds
            ? clock.GetUtcNow().AddSeconds(seconds)
            : (DateTimeOffset?)null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Subscriptions
            .Where(s => s.Id == seen.Id && s.Status == seen.Status && s.Endpoint == seen.Endpoint)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.HandshakeDueAt, (DateTimeOffset?)null)
                .SetProperty(s => s.NextHeartbeatAt, nextHeartbeat), cancellationToken);
        if (changed == 0 || await store.FindCurrentForUpdateAsync("Subscription", seen.Id, cancellationToken) is not { } record)
        {
            return false;
        }

        var resource = FhirJson.Parse<Subscription>(record.Json);
        resource.Status = SubscriptionStates.ToFhir(status);
        resource.Error = error;
        await store.AddVersionAsync(record, resource, record.PatientId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
