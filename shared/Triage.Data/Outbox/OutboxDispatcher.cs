using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Triage.Contracts;

namespace Triage.Data.Outbox;

/// <summary>
/// Publishes committed outbox messages in order, marking each one sent only after the bus accepted it
/// (at least once: consumers are idempotent).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.OutboxDispatchFailed(ex);
                sent = 0;
            }

            if (sent < BatchSize)
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var pending = await db.Outbox.Where(m => m.SentAt == null)
            .OrderBy(m => m.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);

        foreach (var message in pending)
        {
            var type = typeof(ClassificationRequested).Assembly.GetType(message.MessageType)
                ?? throw new InvalidOperationException($"Unknown outbox message type {message.MessageType}.");
            var body = JsonSerializer.Deserialize(message.Payload, type, OutboxJson.Options)!;
            message.Attempts++;
            try
            {
                await bus.Publish(body, type, cancellationToken);
                message.SentAt = clock.GetUtcNow();
                logger.OutboxMessageSent(message.Id, message.MessageType);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = ex.GetType().Name + ": " + ex.Message;
                await db.SaveChangesAsync(cancellationToken);
                throw;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return pending.Count;
    }
}
