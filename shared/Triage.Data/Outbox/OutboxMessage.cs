namespace Triage.Data.Outbox;

/// <summary>
/// A bus message saved in the same transaction as the change that caused it, and published
/// afterwards, so that a crash between commit and publish loses nothing.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Assembly-qualified-free CLR type name of the message, e.g. <c>Triage.Contracts.ClassificationRequested</c>.</summary>
    public required string MessageType { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
