namespace Triage.Data.Subscriptions;

/// <summary>
/// One event for one subscription, saved in the transaction that caused it and POSTed to the subscriber afterwards, in event
/// order, until it is accepted; it stays pending while the subscriber is down.
/// </summary>
public sealed class SubscriptionNotification
{
    public Guid Id { get; set; }

    public required string SubscriptionId { get; set; }

    /// <summary>1 for the subscription's first event, then one more for each.</summary>
    public long EventNumber { get; set; }

    /// <summary>The resource the event is about, <c>Type/id</c>.</summary>
    public required string FocusReference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}
