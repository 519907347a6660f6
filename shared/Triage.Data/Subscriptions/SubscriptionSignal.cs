namespace Triage.Data.Subscriptions;

/// <summary>
/// Wakes the subscription dispatcher right after a commit that added notifications or asked for a handshake. It only
/// reaches a dispatcher in the same process; one in another process finds the work at its next poll.
/// </summary>
public sealed class SubscriptionSignal : WakeUpSignal;
