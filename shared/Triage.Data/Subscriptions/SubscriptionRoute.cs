namespace Triage.Data.Subscriptions;

/// <summary>
/// What the notification writer and dispatcher need of an R4 Subscription (the resource itself is kept as a versioned FHIR
/// row): its topic, patient filter, rest-hook endpoint and payload content, its status, and how many events it has had.
/// </summary>
public sealed class SubscriptionRoute
{
    /// <summary>The Subscription's FHIR id.</summary>
    public required string Id { get; set; }

    /// <summary>The topic canonical named by <c>Subscription.criteria</c>.</summary>
    public required string Topic { get; set; }

    /// <summary>Only events about this patient (a Patient id) are notified; null for every patient.</summary>
    public string? PatientId { get; set; }

    public required string Endpoint { get; set; }

    /// <summary><c>empty</c>, <c>id-only</c> or <c>full-resource</c>.</summary>
    public required string Content { get; set; }

    /// <summary>The FHIR base URL the Subscription was created at, for the absolute full URLs of a notification.</summary>
    public required string ServerBaseUrl { get; set; }

    /// <summary>A subscription-status code: <c>active</c>, or <c>error</c> once delivery gave up.</summary>
    public required string Status { get; set; }

    /// <summary>The number of events so far (the last event number); a concurrency token, so two writers cannot both take a number.</summary>
    public long EventCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
