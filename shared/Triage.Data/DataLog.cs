using Microsoft.Extensions.Logging;

namespace Triage.Data;

/// <summary>Log messages of the data layer (event ids 500-599).</summary>
internal static partial class DataLog
{
    [LoggerMessage(500, LogLevel.Information, "Database ready at {DataSource}; {Applied} migration(s) applied")]
    public static partial void DatabaseReady(this ILogger logger, string dataSource, int applied);

    [LoggerMessage(510, LogLevel.Debug, "Outbox message {MessageId} ({MessageType}) published")]
    public static partial void OutboxMessageSent(this ILogger logger, Guid messageId, string messageType);

    [LoggerMessage(511, LogLevel.Warning, "Outbox dispatch failed; will retry")]
    public static partial void OutboxDispatchFailed(this ILogger logger, Exception exception);
}
