using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Resources;
using Triage.Data.Subscriptions;
using Triage.Intake.Storage;
using Triage.Intake.Versions;

namespace Triage.Intake.Subscriptions;

/// <summary>The current version of a Subscription and its route, found for an update or delete that names it.</summary>
public sealed record StoredSubscription(FhirResourceRecord Record, SubscriptionRoute Route)
{
    private const string Type = "Subscription";

    /// <exception cref="FhirRequestException">
    /// 404 when it does not exist (405 for an update without <c>If-Match</c>: updates do not create), 410 when it was
    /// deleted, 412 when
    /// <c>If-Match</c> names another version, 400 when <c>If-Match</c> is not an entity tag.
    /// </exception>
    public static async Task<StoredSubscription> FindAsync(
        TriageDbContext db, FhirResourceStore store, string id, string? ifMatch, bool isUpdate, CancellationToken cancellationToken)
    {
        var expectedVersion = IfMatchHeader.VersionOf(ifMatch);
        var record = await store.FindCurrentForUpdateAsync(Type, id, cancellationToken);
        var route = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (record is null || route is null)
        {
            if (await store.DeletionOfAsync(Type, id, cancellationToken) is { } deletion)
            {
                throw FhirErrors.Gone(Type, id, deletion.DeletedAt);
            }

            throw isUpdate && expectedVersion is null
                ? FhirErrors.MethodNotAllowed($"{Type}/{id} does not exist, and updates do not create: the server assigns ids, POST to create.")
                : FhirErrors.NotFound(Type, id);
        }

        if (expectedVersion is not null && expectedVersion != record.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw VersionConflict(id, $"If-Match names version {expectedVersion} but the current version is {record.VersionId}.");
        }

        return new StoredSubscription(record, route);
    }

    public static FhirRequestException VersionConflict(string id, string message) =>
        FhirErrors.PreconditionFailed($"{message} Read {Type}/{id} again and use that version.", "If-Match");
}
