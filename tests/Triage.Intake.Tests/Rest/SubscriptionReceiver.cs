using System.Collections.Concurrent;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Triage.Intake.Subscriptions;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// An EHR's rest-hook endpoint on a free loopback port. It answers 503 to its first <c>handshakeFailures</c> handshakes and
/// to its first <c>failures</c> other notifications (an EHR that is down), then 200, and keeps every notification Bundle it
/// accepted, by the <c>type</c> its SubscriptionStatus gives.
/// </summary>
internal sealed class SubscriptionReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Type, Bundle Bundle)> _accepted = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _headers = new();
    private int _refusalsLeft;
    private int _handshakeRefusalsLeft;
    private int _requests;

    private SubscriptionReceiver(WebApplication app, int failures, int handshakeFailures)
    {
        _app = app;
        _refusalsLeft = failures;
        _handshakeRefusalsLeft = handshakeFailures;
    }

    public string Endpoint { get; private set; } = "";

    /// <summary>Every POST it answered, refused or accepted, of any type.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The event notifications it accepted, in arrival order.</summary>
    public IReadOnlyList<Bundle> Accepted => Of(NotificationBundle.EventNotification);

    public IReadOnlyList<Bundle> Handshakes => Of(NotificationBundle.Handshake);

    public IReadOnlyList<Bundle> Heartbeats => Of(NotificationBundle.Heartbeat);

    /// <summary>The headers of every POST it answered, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> RequestHeaders => [.. _headers];

    /// <summary>The type of each notification it accepted, in arrival order.</summary>
    public IReadOnlyList<string> AcceptedTypes => [.. _accepted.Select(a => a.Type)];

    public static async Task<SubscriptionReceiver> StartAsync(int failures = 0, int handshakeFailures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new SubscriptionReceiver(app, failures, handshakeFailures);
        app.MapPost("/ehr/notify", async (HttpRequest request) =>
        {
            receiver._headers.Enqueue(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            Interlocked.Increment(ref receiver._requests);
            using var reader = new StreamReader(request.Body);
            var bundle = Triage.Fhir.Serialization.FhirJson.Parse<Bundle>(await reader.ReadToEndAsync());
            var type = TypeOf(bundle);
            var refused = type == NotificationBundle.Handshake
                ? Interlocked.Decrement(ref receiver._handshakeRefusalsLeft) >= 0
                : Interlocked.Decrement(ref receiver._refusalsLeft) >= 0;
            if (refused)
            {
                return Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            receiver._accepted.Enqueue((type, bundle));
            return Microsoft.AspNetCore.Http.Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = address + "/ehr/notify";
        return receiver;
    }

    /// <summary>The SubscriptionStatus <c>type</c> of a notification: handshake, heartbeat or event-notification.</summary>
    public static string TypeOf(Bundle notification) =>
        ((Code)((Parameters)notification.Entry[0].Resource).GetSingle("type").Value).Value!;

    /// <summary>Waits until it has accepted <paramref name="count"/> event notifications.</summary>
    public Task<IReadOnlyList<Bundle>> WaitForAsync(int count, TimeSpan? timeout = null) =>
        WaitForAsync(NotificationBundle.EventNotification, count, timeout);

    /// <summary>Waits until it has accepted <paramref name="count"/> notifications of <paramref name="type"/>.</summary>
    public async Task<IReadOnlyList<Bundle>> WaitForAsync(string type, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (Of(type).Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
        }

        return Of(type);
    }

    private List<Bundle> Of(string type) => [.. _accepted.Where(a => a.Type == type).Select(a => a.Bundle)];

    /// <summary>A backport rest-hook Subscription to this receiver.</summary>
    public Subscription Subscription(string topic = SubscriptionTopics.ResultAvailable, string? content = null) => Subscriptions.RestHook(Endpoint, topic, content);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal static class Subscriptions
{
    /// <summary>Quick retries, so a test of an EHR that is down takes well under a second; heartbeats of 1 second allowed.</summary>
    public static Dictionary<string, string?> FastDelivery(int maxAttempts = 20, int maxHandshakeAttempts = 3) => new()
    {
        ["Intake:Subscriptions:PollInterval"] = "00:00:00.050",
        ["Intake:Subscriptions:FirstRetryDelay"] = "00:00:00.050",
        ["Intake:Subscriptions:MaxRetryDelay"] = "00:00:00.200",
        ["Intake:Subscriptions:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Intake:Subscriptions:MaxHandshakeAttempts"] = maxHandshakeAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Intake:Subscriptions:MinHeartbeatPeriod"] = "00:00:01",
    };

    public static Subscription RestHook(string endpoint, string topic = SubscriptionTopics.ResultAvailable, string? content = null)
    {
        var subscription = new Subscription
        {
            Meta = new Meta { Profile = [SubscriptionTopics.SubscriptionProfile] },
            Status = Hl7.Fhir.Model.Subscription.SubscriptionStatus.Requested,
            Reason = "Results for the EHR",
            Criteria = topic,
            Channel = new Subscription.ChannelComponent
            {
                Type = Hl7.Fhir.Model.Subscription.SubscriptionChannelType.RestHook,
                Endpoint = endpoint,
                Payload = SubscriptionTopics.FhirJson,
            },
        };
        if (content is not null)
        {
            subscription.Channel.PayloadElement.AddExtension(SubscriptionTopics.PayloadContentExtension, new Code(content));
        }

        return subscription;
    }
}
