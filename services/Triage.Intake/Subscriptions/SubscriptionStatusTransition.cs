using Hl7.Fhir.Model;

namespace Triage.Intake.Subscriptions;

/// <summary>The status an update (PUT) leaves a subscription in, from its status now and the one the client sent.</summary>
public static class SubscriptionStatusTransition
{
    /// <param name="current">The stored status (<see cref="SubscriptionStates"/>).</param>
    /// <param name="asked">The status in the PUT body: <c>requested</c>, <c>active</c>, <c>off</c> or none (checked before).</param>
    /// <param name="endpointChanged">Whether the PUT names another endpoint, which must then accept a handshake of its own.</param>
    public static string AfterUpdate(string current, Subscription.SubscriptionStatus? asked, bool endpointChanged) => asked switch
    {
        Subscription.SubscriptionStatus.Off => SubscriptionStates.Off,
        Subscription.SubscriptionStatus.Requested => SubscriptionStates.Requested,
        // Sending back what was read (active) keeps an active subscription as it is; any other must prove its endpoint again.
        _ => current == SubscriptionStates.Active && !endpointChanged ? SubscriptionStates.Active : SubscriptionStates.Requested,
    };

    /// <summary>Whether the update starts a new handshake (a fresh count of attempts, due now).</summary>
    public static bool StartsHandshake(string current, string next, bool endpointChanged) =>
        next == SubscriptionStates.Requested && (current != SubscriptionStates.Requested || endpointChanged);
}
