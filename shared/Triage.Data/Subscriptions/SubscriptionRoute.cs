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

    /// <summary>The <c>channel.header</c>s sent with every POST to the endpoint, one <c>Name: value</c> line each; null for none.</summary>
    public string? Headers { get; set; }

    /// <summary><c>empty</c>, <c>id-only</c> or <c>full-resource</c>.</summary>
    public required string Content { get; set; }

    /// <summary>The FHIR base URL the Subscription was created at, for the absolute full URLs of a notification.</summary>
    public required string ServerBaseUrl { get; set; }

    /// <summary>
    /// A subscription-status code: <c>requested</c> until its handshake is accepted, then <c>active</c>; <c>error</c> once
    /// the handshake or a delivery gave up; <c>off</c> when the client turned it off or its end passed.
    /// </summary>
    public required string Status { get; set; }

    /// <summary>Seconds without any notification after which a heartbeat is sent; null for none.</summary>
    public int? HeartbeatSeconds { get; set; }

    /// <summary><c>Subscription.end</c>: after it the subscription is turned <c>off</c>.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>When the next handshake POST is due, while the subscription is <c>requested</c>.</summary>
    public DateTimeOffset? HandshakeDueAt { get; set; }

    /// <summary>Failed handshake POSTs since the subscription was last requested.</summary>
    public int HandshakeAttempts { get; set; }

    public string? LastHandshakeError { get; set; }

    /// <summary>When a heartbeat is due if nothing else is sent before; null when the subscription has no heartbeat.</summary>
    public DateTimeOffset? NextHeartbeatAt { get; set; }

    /// <summary>The number of events so far (the last event number); a concurrency token, so two writers cannot both take a number.</summary>
    public long EventCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
