using Microsoft.Extensions.Logging;

namespace Triage.Intake.Subscriptions;

/// <summary>Log messages of subscriptions and their notifications (event ids 1100-1199). No patient data.</summary>
internal static partial class SubscriptionLog
{
    [LoggerMessage(1100, LogLevel.Information, "Subscription {SubscriptionId} active on topic {Topic}")]
    public static partial void SubscriptionActivated(this ILogger logger, string subscriptionId, string topic);

    [LoggerMessage(1101, LogLevel.Information, "Subscription {SubscriptionId} requested on topic {Topic}; handshake pending")]
    public static partial void SubscriptionRequested(this ILogger logger, string subscriptionId, string topic);

    [LoggerMessage(1102, LogLevel.Information, "Subscription {SubscriptionId} updated to version {VersionId}, status {Status}")]
    public static partial void SubscriptionUpdated(this ILogger logger, string subscriptionId, int versionId, string status);

    [LoggerMessage(1103, LogLevel.Information, "Subscription {SubscriptionId} deleted with {Dropped} undelivered notifications")]
    public static partial void SubscriptionDeleted(this ILogger logger, string subscriptionId, int dropped);

    [LoggerMessage(1104, LogLevel.Information, "Subscription {SubscriptionId} turned off: its end has passed")]
    public static partial void SubscriptionEnded(this ILogger logger, string subscriptionId);

    [LoggerMessage(1110, LogLevel.Debug, "Notification {EventNumber} of subscription {SubscriptionId} delivered")]
    public static partial void NotificationDelivered(this ILogger logger, string subscriptionId, long eventNumber);

    [LoggerMessage(1111, LogLevel.Warning, "Notification {EventNumber} of subscription {SubscriptionId} failed (attempt {Attempts}): {Error}; next try at {NextAttemptAt}")]
    public static partial void NotificationFailed(this ILogger logger, string subscriptionId, long eventNumber, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(1112, LogLevel.Error, "Subscription {SubscriptionId} set to error after {Attempts} failed attempts")]
    public static partial void SubscriptionFailed(this ILogger logger, string subscriptionId, int attempts);

    [LoggerMessage(1113, LogLevel.Warning, "Subscription dispatch failed; will retry")]
    public static partial void DispatchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1120, LogLevel.Warning, "Handshake of subscription {SubscriptionId} refused (attempt {Attempts}): {Error}; next try at {NextAttemptAt}")]
    public static partial void HandshakeRefused(this ILogger logger, string subscriptionId, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(1121, LogLevel.Error, "Subscription {SubscriptionId} set to error: its handshake was refused {Attempts} times (last: {Error})")]
    public static partial void HandshakeFailed(this ILogger logger, string subscriptionId, int attempts, string error);

    [LoggerMessage(1130, LogLevel.Debug, "Heartbeat sent to subscription {SubscriptionId}")]
    public static partial void HeartbeatSent(this ILogger logger, string subscriptionId);

    [LoggerMessage(1131, LogLevel.Warning, "Heartbeat of subscription {SubscriptionId} refused: {Error}; not retried")]
    public static partial void HeartbeatFailed(this ILogger logger, string subscriptionId, string error);
}
