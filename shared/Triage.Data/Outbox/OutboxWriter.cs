using System.Text.Json;

namespace Triage.Data.Outbox;

/// <summary>Adds bus messages to the outbox of the current unit of work; they are published after commit.</summary>
public static class OutboxWriter
{
    public static void AddToOutbox<T>(this TriageDbContext db, T message, DateTimeOffset now)
        where T : class =>
        db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            MessageType = typeof(T).FullName!,
            Payload = JsonSerializer.Serialize(message, OutboxJson.Options),
            CreatedAt = now,
        });
}

internal static class OutboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
