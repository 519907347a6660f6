using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// Runs the subscription work: ends, handshakes, event notifications, heartbeats, in that order, each time it is woken
/// (<see cref="SubscriptionSignal"/>, right after a commit that gave it work) or every
/// <see cref="SubscriptionOptions.PollInterval"/> as a backstop (retries, heartbeats, work queued by another process).
/// It assumes one running dispatcher per database.
/// </summary>
public sealed class SubscriptionDispatcher(
    IServiceScopeFactory scopes,
    SubscriptionSignal signal,
    IOptions<SubscriptionOptions> options,
    ILogger<SubscriptionDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.DispatchFailed(ex);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // Each step in its own scope, so one step's tracked rows cannot leak into the next step's saves.
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SubscriptionEnd>().TurnOffEndedAsync(cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HandshakeSender>().SendDueAsync(cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EventDelivery>().DeliverDueAsync(cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HeartbeatSender>().SendDueAsync(cancellationToken);
        }
    }
}
