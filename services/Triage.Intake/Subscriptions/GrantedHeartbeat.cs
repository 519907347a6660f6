using Hl7.Fhir.Model;

namespace Triage.Intake.Subscriptions;

/// <summary>Writes the heartbeat period the server granted into the stored Subscription, so the client reads what it gets.</summary>
public static class GrantedHeartbeat
{
    public static void Write(Subscription subscription, int? seconds)
    {
        if (seconds is { } granted)
        {
            subscription.Channel.SetExtension(SubscriptionTopics.HeartbeatPeriodExtension, new UnsignedInt(granted));
        }
        else
        {
            subscription.Channel.RemoveExtension(SubscriptionTopics.HeartbeatPeriodExtension);
        }
    }
}
