using System.Globalization;
using Hl7.Fhir.Model;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// The R4 backport notification for one event: a <c>history</c> Bundle whose first entry is the <c>SubscriptionStatus</c>
/// Parameters (profile backport-subscription-status-r4), then the focus: its full URL only (id-only), or the resource
/// as it is now (full-resource), or nothing (empty).
/// </summary>
public static class NotificationBundle
{
    public static Bundle Create(SubscriptionRoute subscription, SubscriptionNotification notification, Resource? focus, DateTimeOffset now)
    {
        var baseUrl = subscription.ServerBaseUrl;
        var eventNumber = notification.EventNumber.ToString(CultureInfo.InvariantCulture);
        var status = new Parameters
        {
            Id = notification.Id.ToString(),
            Meta = new Meta { Profile = [SubscriptionTopics.StatusProfile] },
        };
        status.Add("subscription", new ResourceReference($"{baseUrl}/Subscription/{subscription.Id}"));
        status.Add("topic", new Canonical(subscription.Topic));
        status.Add("status", new Code(SubscriptionStates.Active));
        status.Add("type", new Code("event-notification"));
        // R4 has no integer64: the backport carries event counts as strings.
        status.Add("events-since-subscription-start", new FhirString(eventNumber));
        var notificationEvent = new Parameters.ParameterComponent { Name = "notification-event" };
        notificationEvent.Part.Add(new Parameters.ParameterComponent { Name = "event-number", Value = new FhirString(eventNumber) });
        notificationEvent.Part.Add(new Parameters.ParameterComponent { Name = "timestamp", Value = new Instant(notification.CreatedAt) });
        if (subscription.Content != SubscriptionTopics.Empty)
        {
            notificationEvent.Part.Add(new Parameters.ParameterComponent
            {
                Name = "focus", Value = new ResourceReference($"{baseUrl}/{notification.FocusReference}"),
            });
        }

        status.Parameter.Add(notificationEvent);

        var bundle = new Bundle { Id = Guid.NewGuid().ToString(), Type = Bundle.BundleType.History, Timestamp = now };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = $"urn:uuid:{notification.Id}",
            Resource = status,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = $"{baseUrl}/Subscription/{subscription.Id}/$status" },
            Response = new Bundle.ResponseComponent { Status = "200" },
        });
        if (subscription.Content != SubscriptionTopics.Empty)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{notification.FocusReference}",
                Resource = subscription.Content == SubscriptionTopics.FullResource ? focus : null,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = notification.FocusReference },
                Response = new Bundle.ResponseComponent { Status = "200" },
            });
        }

        return bundle;
    }
}
