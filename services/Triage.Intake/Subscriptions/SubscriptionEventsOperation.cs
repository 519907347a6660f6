using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Subscriptions;
using Triage.Intake.Fhir;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// <c>$events</c> of the Subscriptions R5 Backport: <c>GET|POST /fhir/Subscription/{id}/$events</c> with
/// <c>eventsSinceNumber</c> and <c>eventsUntilNumber</c> (both inclusive; by default from the first event to the last)
/// and <c>content</c> (by default the Subscription's own). A subscriber that finds a gap in the event numbers it received
/// asks for the missing ones. The answer is a history Bundle as a notification is, led by a SubscriptionStatus of type
/// <c>query-event</c>, with at most <see cref="MaxEvents"/> events, the first ones of the range: ask again from the next
/// number for more. Every event stays queryable, delivered or not, until the Subscription is deleted.
/// </summary>
public static class SubscriptionEventsOperation
{
    public const string Name = "events";
    public const string Definition = "http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-events";
    public const int MaxEvents = 100;
    private static readonly string[] Contents = [SubscriptionTopics.Empty, SubscriptionTopics.IdOnly, SubscriptionTopics.FullResource];

    public static Delegate ForInstance =>
        async (string id, HttpRequest request, FhirRequestReader reader, TriageDbContext db, FhirResourceStore store, TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            var parameters = await OperationParameters.ReadAsync(request, reader, cancellationToken);
            var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw await store.NotFoundAsync("Subscription", id, cancellationToken);
            var since = EventNumber(parameters, "eventsSinceNumber") ?? 1;
            var until = EventNumber(parameters, "eventsUntilNumber") ?? subscription.EventCount;
            var content = parameters.Single("content") ?? subscription.Content;
            if (!Contents.Contains(content))
            {
                throw FhirErrors.BadRequest($"content must be one of {string.Join(", ", Contents)}, not '{content}'.", "content",
                    OperationOutcome.IssueType.Invalid);
            }

            var notifications = await db.SubscriptionNotifications.AsNoTracking()
                .Where(n => n.SubscriptionId == id && n.EventNumber >= since && n.EventNumber <= until)
                .OrderBy(n => n.EventNumber).Take(MaxEvents).ToListAsync(cancellationToken);
            List<(SubscriptionNotification, Resource?)> events = [];
            foreach (var notification in notifications)
            {
                events.Add((notification, content == SubscriptionTopics.FullResource ? await FocusAsync(store, notification, cancellationToken) : null));
            }

            return FhirResults.Resource(NotificationBundle.QueriedEvents(subscription, events, content, clock.GetUtcNow()));
        };

    private static async Task<Resource?> FocusAsync(FhirResourceStore store, SubscriptionNotification notification, CancellationToken cancellationToken) =>
        notification.FocusReference.Split('/') is [var type, var id] ? await store.ReadAsync(type, id, cancellationToken) : null;

    /// <exception cref="FhirRequestException">400 for a value that is not a positive whole number.</exception>
    private static long? EventNumber(OperationParameters parameters, string name) =>
        parameters.Single(name) is not { } value ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number
        : throw FhirErrors.BadRequest($"{name} must be a positive whole number, not '{value}'.", name, OperationOutcome.IssueType.Invalid);
}
