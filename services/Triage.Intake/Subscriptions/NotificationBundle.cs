using System.Globalization;
using Hl7.Fhir.Model;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// The R4 backport notifications: a <c>history</c> Bundle whose first entry is the <c>SubscriptionStatus</c> Parameters
/// (profile backport-subscription-status-r4). An event notification carries its <c>notification-event</c> and then the
/// focus: its full URL only (id-only), or the resource as it is now (full-resource), or nothing (empty). A handshake or a
/// heartbeat carries no event. The <c>$events</c> and <c>$status</c> operations answer with the same parts.
/// </summary>
public static class NotificationBundle
{
    public const string Handshake = "handshake";
    public const string Heartbeat = "heartbeat";
    public const string EventNotification = "event-notification";
    public const string QueryStatus = "query-status";
    public const string QueryEvent = "query-event";

    public static Bundle Event(SubscriptionRoute subscription, SubscriptionNotification notification, Resource? focus, DateTimeOffset now) =>
        WithEvents(subscription, notification.Id, SubscriptionStates.Active, EventNotification, notification.EventNumber, [(notification, focus)],
            subscription.Content, now);

    /// <summary>
    /// <c>$events</c>: the events asked for in one <c>query-event</c> Bundle, each with its focus as <paramref name="content"/>
    /// says; <c>events-since-subscription-start</c> is the number of events the subscription has had.
    /// </summary>
    public static Bundle QueriedEvents(
        SubscriptionRoute subscription, IReadOnlyList<(SubscriptionNotification Notification, Resource? Focus)> events, string content, DateTimeOffset now) =>
        WithEvents(subscription, Guid.NewGuid(), subscription.Status, QueryEvent, subscription.EventCount, events, content, now);

    /// <summary><c>$status</c>: the subscription's status now, as a <c>query-status</c> SubscriptionStatus.</summary>
    public static Parameters QueriedStatus(SubscriptionRoute subscription) =>
        Status(subscription, Guid.NewGuid(), subscription.Status, QueryStatus, subscription.EventCount);

    /// <summary>A <c>handshake</c> or <c>heartbeat</c>: the status alone, no event.</summary>
    /// <param name="eventsDelivered">The events delivered before it, as <c>events-since-subscription-start</c>.</param>
    public static Bundle WithoutEvent(SubscriptionRoute subscription, string type, string subscriptionStatus, long eventsDelivered, DateTimeOffset now) =>
        Led(subscription, Status(subscription, Guid.NewGuid(), subscriptionStatus, type, eventsDelivered), now);

    private static Bundle WithEvents(
        SubscriptionRoute subscription, Guid statusId, string subscriptionStatus, string type, long eventsSinceStart,
        IReadOnlyList<(SubscriptionNotification Notification, Resource? Focus)> events, string content, DateTimeOffset now)
    {
        var baseUrl = subscription.ServerBaseUrl;
        var status = Status(subscription, statusId, subscriptionStatus, type, eventsSinceStart);
        foreach (var (notification, _) in events)
        {
            var notificationEvent = new Parameters.ParameterComponent { Name = "notification-event" };
            notificationEvent.Part.Add(new Parameters.ParameterComponent
            {
                Name = "event-number", Value = new FhirString(notification.EventNumber.ToString(CultureInfo.InvariantCulture)),
            });
            notificationEvent.Part.Add(new Parameters.ParameterComponent { Name = "timestamp", Value = new Instant(notification.CreatedAt) });
            if (content != SubscriptionTopics.Empty)
            {
                notificationEvent.Part.Add(new Parameters.ParameterComponent
                {
                    Name = "focus", Value = new ResourceReference($"{baseUrl}/{notification.FocusReference}"),
                });
            }

            status.Parameter.Add(notificationEvent);
        }

        var bundle = Led(subscription, status, now);
        if (content != SubscriptionTopics.Empty)
        {
            bundle.Entry.AddRange(events.Select(e => new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{e.Notification.FocusReference}",
                Resource = content == SubscriptionTopics.FullResource ? e.Focus : null,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = e.Notification.FocusReference },
                Response = new Bundle.ResponseComponent { Status = "200" },
            }));
        }

        return bundle;
    }

    private static Parameters Status(SubscriptionRoute subscription, Guid id, string subscriptionStatus, string type, long eventsSinceStart)
    {
        var status = new Parameters { Id = id.ToString(), Meta = new Meta { Profile = [SubscriptionTopics.StatusProfile] } };
        status.Add("subscription", new ResourceReference($"{subscription.ServerBaseUrl}/Subscription/{subscription.Id}"));
        status.Add("topic", new Canonical(subscription.Topic));
        status.Add("status", new Code(subscriptionStatus));
        status.Add("type", new Code(type));
        // R4 has no integer64: the backport carries event counts as strings.
        status.Add("events-since-subscription-start", new FhirString(eventsSinceStart.ToString(CultureInfo.InvariantCulture)));
        return status;
    }

    private static Bundle Led(SubscriptionRoute subscription, Parameters status, DateTimeOffset now)
    {
        var bundle = new Bundle { Id = Guid.NewGuid().ToString(), Type = Bundle.BundleType.History, Timestamp = now };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = $"urn:uuid:{status.Id}",
            Resource = status,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = $"{subscription.ServerBaseUrl}/Subscription/{subscription.Id}/$status" },
            Response = new Bundle.ResponseComponent { Status = "200" },
        });
        return bundle;
    }
}
