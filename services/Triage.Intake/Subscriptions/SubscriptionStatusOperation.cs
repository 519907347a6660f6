using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Subscriptions;
using Triage.Intake.Fhir;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// <c>$status</c> of the Subscriptions R5 Backport: <c>GET|POST /fhir/Subscription/{id}/$status</c>, and at type level
/// <c>/fhir/Subscription/$status</c> for those with the given <c>id</c>s and <c>status</c>es (all when none are given).
/// The answer is a searchset Bundle of SubscriptionStatus Parameters of type <c>query-status</c>, one per Subscription:
/// its status and how many events it has had.
/// </summary>
public static class SubscriptionStatusOperation
{
    public const string Name = "status";
    public const string Definition = "http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-status";

    public static Delegate ForType =>
        async (HttpRequest request, FhirRequestReader reader, TriageDbContext db, CancellationToken cancellationToken) =>
        {
            var parameters = await OperationParameters.ReadAsync(request, reader, cancellationToken);
            var ids = Split(parameters["id"]);
            var statuses = Split(parameters["status"]);
            var query = db.Subscriptions.AsNoTracking();
            if (ids.Count > 0)
            {
                query = query.Where(s => ids.Contains(s.Id));
            }

            if (statuses.Count > 0)
            {
                query = query.Where(s => statuses.Contains(s.Status));
            }

            return Answer(await query.OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken));
        };

    public static Delegate ForInstance =>
        async (string id, TriageDbContext db, FhirResourceStore store, CancellationToken cancellationToken) =>
        {
            var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw await store.NotFoundAsync("Subscription", id, cancellationToken);
            return Answer([subscription]);
        };

    private static IResult Answer(IReadOnlyList<SubscriptionRoute> subscriptions)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = subscriptions.Count, Timestamp = DateTimeOffset.UtcNow };
        bundle.Entry.AddRange(subscriptions.Select(s => NotificationBundle.QueriedStatus(s)).Select(status => new Bundle.EntryComponent
        {
            FullUrl = $"urn:uuid:{status.Id}",
            Resource = status,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        }));
        return FhirResults.Resource(bundle);
    }

    private static List<string> Split(IEnumerable<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
