using Hl7.Fhir.Model;

namespace Triage.Intake.Subscriptions;

/// <summary>The subscription-status codes a stored subscription has.</summary>
public static class SubscriptionStates
{
    /// <summary>Waiting for its handshake to be accepted; events are queued meanwhile.</summary>
    public const string Requested = "requested";

    public const string Active = "active";

    /// <summary>The handshake or a delivery gave up; no events are queued. A PUT with status <c>requested</c> tries again.</summary>
    public const string Error = "error";

    /// <summary>Turned off by the client, or its end passed; no events are queued.</summary>
    public const string Off = "off";

    public static Subscription.SubscriptionStatus ToFhir(string status) => status switch
    {
        SubscriptionStates.Requested => Subscription.SubscriptionStatus.Requested,
        SubscriptionStates.Active => Subscription.SubscriptionStatus.Active,
        SubscriptionStates.Error => Subscription.SubscriptionStatus.Error,
        SubscriptionStates.Off => Subscription.SubscriptionStatus.Off,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a subscription state this server keeps."),
    };
}
