namespace Triage.Intake.Subscriptions;

/// <summary>Delivery of subscription notifications (<c>Intake:Subscriptions</c>).</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Intake:Subscriptions";

    /// <summary>How often the dispatcher looks for work it was not woken for (notifications queued by another process, retries, heartbeats).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed POST; it doubles after each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed POSTs of one notification the subscription is set to <c>error</c> and delivery stops.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>After this many refused handshakes a requested subscription is set to <c>error</c> instead of <c>active</c>.</summary>
    public int MaxHandshakeAttempts { get; set; } = 3;

    /// <summary>The shortest heartbeat period granted; a Subscription asking for less gets this.</summary>
    public TimeSpan MinHeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1, after <paramref name="attempts"/> failures.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var delay = FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }

    /// <summary>The heartbeat period granted for the one asked for (seconds), or null for none.</summary>
    public int? GrantedHeartbeatSeconds(int? asked) =>
        asked is { } seconds ? Math.Max(seconds, (int)Math.Ceiling(MinHeartbeatPeriod.TotalSeconds)) : null;
}
