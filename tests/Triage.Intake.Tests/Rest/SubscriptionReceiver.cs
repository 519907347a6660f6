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
/// An EHR's rest-hook endpoint on a free loopback port: it answers 503 to its first <c>failures</c> POSTs (an EHR that is
/// down), then 200, and keeps every notification Bundle it accepted.
/// </summary>
internal sealed class SubscriptionReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Bundle> _accepted = new();
    private int _refusalsLeft;
    private int _requests;

    private SubscriptionReceiver(WebApplication app, int failures)
    {
        _app = app;
        _refusalsLeft = failures;
    }

    public string Endpoint { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<Bundle> Accepted => [.. _accepted];

    public static async Task<SubscriptionReceiver> StartAsync(int failures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new SubscriptionReceiver(app, failures);
        app.MapPost("/ehr/notify", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref receiver._requests);
            if (Interlocked.Decrement(ref receiver._refusalsLeft) >= 0)
            {
                return Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            using var reader = new StreamReader(request.Body);
            receiver._accepted.Enqueue(Triage.Fhir.Serialization.FhirJson.Parse<Bundle>(await reader.ReadToEndAsync()));
            return Microsoft.AspNetCore.Http.Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = address + "/ehr/notify";
        return receiver;
    }

    /// <summary>Waits until it has accepted <paramref name="count"/> notifications.</summary>
    public async Task<IReadOnlyList<Bundle>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_accepted.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
        }

        return Accepted;
    }

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
    /// <summary>Quick retries, so a test of an EHR that is down takes well under a second.</summary>
    public static Dictionary<string, string?> FastDelivery(int maxAttempts = 20) => new()
    {
        ["Intake:Subscriptions:PollInterval"] = "00:00:00.050",
        ["Intake:Subscriptions:FirstRetryDelay"] = "00:00:00.050",
        ["Intake:Subscriptions:MaxRetryDelay"] = "00:00:00.200",
        ["Intake:Subscriptions:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
