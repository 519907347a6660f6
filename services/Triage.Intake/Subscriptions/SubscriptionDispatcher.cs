using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Subscriptions;
using Triage.Intake.Storage;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// POSTs pending notifications to their subscribers, in event order per subscription (a later event waits for an earlier
/// one that is being retried), marking each delivered only after a 2xx answer. A failed POST is tried again after a delay
/// that doubles each time up to a cap; after <see cref="SubscriptionOptions.MaxAttempts"/> failures the subscription is set
/// to <c>error</c> and its notifications stay pending, undelivered. Delivery is at least once.
/// </summary>
public sealed class SubscriptionDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    IOptions<SubscriptionOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "subscriptions";
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.DispatchFailed(ex);
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    private async Task DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var now = clock.GetUtcNow();
        var subscriptions = await db.Subscriptions
            .Where(s => s.Status == SubscriptionStates.Active
                && db.SubscriptionNotifications.Any(n => n.SubscriptionId == s.Id && n.DeliveredAt == null && n.NextAttemptAt <= now))
            .ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            var queue = await db.SubscriptionNotifications
                .Where(n => n.SubscriptionId == subscription.Id && n.DeliveredAt == null)
                .OrderBy(n => n.EventNumber).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var notification in queue)
            {
                if (notification.NextAttemptAt > clock.GetUtcNow()
                    || !await DeliverAsync(scope.ServiceProvider, db, subscription, notification, cancellationToken))
                {
                    break;
                }
            }
        }
    }

    /// <returns>Whether it was delivered; the outcome is saved either way.</returns>
    private async Task<bool> DeliverAsync(
        IServiceProvider services, TriageDbContext db, SubscriptionRoute subscription, SubscriptionNotification notification, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<FhirResourceStore>();
        Resource? focus = null;
        if (subscription.Content == SubscriptionTopics.FullResource && notification.FocusReference.Split('/') is [var type, var id])
        {
            focus = await store.ReadAsync(type, id, cancellationToken);
        }

        var bundle = NotificationBundle.Create(subscription, notification, focus, clock.GetUtcNow());
        notification.Attempts++;
        var error = await PostAsync(subscription.Endpoint, FhirJson.Serialize(bundle), cancellationToken);
        if (error is null)
        {
            notification.DeliveredAt = clock.GetUtcNow();
            notification.LastError = null;
            await db.SaveChangesAsync(cancellationToken);
            logger.NotificationDelivered(subscription.Id, notification.EventNumber);
            return true;
        }

        notification.LastError = error;
        notification.NextAttemptAt = clock.GetUtcNow() + options.Value.RetryDelay(notification.Attempts);
        logger.NotificationFailed(subscription.Id, notification.EventNumber, notification.Attempts, error, notification.NextAttemptAt);
        if (notification.Attempts >= options.Value.MaxAttempts)
        {
            await SetErrorAsync(store, subscription, notification, cancellationToken);
            logger.SubscriptionFailed(subscription.Id, notification.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
        return false;
    }

    private static async Task SetErrorAsync(
        FhirResourceStore store, SubscriptionRoute subscription, SubscriptionNotification notification, CancellationToken cancellationToken)
    {
        subscription.Status = SubscriptionStates.Error;
        if (await store.FindCurrentForUpdateAsync("Subscription", subscription.Id, cancellationToken) is { } record)
        {
            var resource = FhirJson.Parse<Subscription>(record.Json);
            resource.Status = Subscription.SubscriptionStatus.Error;
            resource.Error = $"Notification {notification.EventNumber} could not be delivered after {notification.Attempts} attempts: {notification.LastError}";
            await store.AddVersionAsync(record, resource, record.PatientId, cancellationToken);
        }
    }

    /// <returns>Null when the subscriber accepted it (2xx), else why not.</returns>
    private async Task<string?> PostAsync(string endpoint, string body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(SubscriptionTopics.FhirJson) { CharSet = "utf-8" };
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsync(endpoint, content, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timed out";
        }
        catch (HttpRequestException ex)
        {
            return ex.HttpRequestError.ToString();
        }
    }
}
