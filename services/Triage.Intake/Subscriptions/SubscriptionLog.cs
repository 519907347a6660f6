using Microsoft.Extensions.Logging;

namespace Triage.Intake.Subscriptions;

/// <summary>Log messages of subscriptions and their notifications (event ids 1100-1199). No patient data.</summary>
internal static partial class SubscriptionLog
{
    [LoggerMessage(1100, LogLevel.Information, "Subscription {SubscriptionId} active on topic {Topic}")]
    public static partial void SubscriptionActivated(this ILogger logger, string subscriptionId, string topic);

    [LoggerMessage(1110, LogLevel.Debug, "Notification {EventNumber} of subscription {SubscriptionId} delivered")]
    public static partial void NotificationDelivered(this ILogger logger, string subscriptionId, long eventNumber);

    [LoggerMessage(1111, LogLevel.Warning, "Notification {EventNumber} of subscription {SubscriptionId} failed (attempt {Attempts}): {Error}; next try at {NextAttemptAt}")]
    public static partial void NotificationFailed(this ILogger logger, string subscriptionId, long eventNumber, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(1112, LogLevel.Error, "Subscription {SubscriptionId} set to error after {Attempts} failed attempts")]
    public static partial void SubscriptionFailed(this ILogger logger, string subscriptionId, int attempts);

    [LoggerMessage(1113, LogLevel.Warning, "Subscription dispatch failed; will retry")]
    public static partial void DispatchFailed(this ILogger logger, Exception exception);
}
