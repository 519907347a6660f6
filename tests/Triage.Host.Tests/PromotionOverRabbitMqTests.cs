using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Triage.Contracts;
using Triage.Ml.Baseline;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>A promotion published once reaches every inference instance on the broker, and each swaps.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class PromotionOverRabbitMqTests
{
    [Fact]
    public async Task Every_instance_swaps_to_the_promoted_model()
    {
        await using var first = await RunningHost.StartAsync("--ConnectionStrings:RabbitMq", Broker.Address);
        await using var second = await RunningHost.StartAsync("--ConnectionStrings:RabbitMq", Broker.Address);
        var promoted = TestModels.Write(Path.Combine(TestPaths.NewTempFolder("promoted"), "student.onnx"),
            new TestModelOptions { Name = "baseline", Version = "9.0.0", Seed = 9 });

        // The bus binds its queues after the host has started: publish once both instances listen.
        await WaitForReadinessAsync(first, PromotionEndpointReady);
        await WaitForReadinessAsync(second, PromotionEndpointReady);
        await first.Services.GetRequiredService<IBus>().Publish(new ModelPromoted(
            promoted, "9.0.0", null, null, null, "test", "promotion reaches every instance", DateTimeOffset.UtcNow));

        foreach (var host in new[] { first, second })
        {
            var ready = await WaitForReadinessAsync(host, body => body.Contains("\"modelVersion\":\"9.0.0\""));
            ready.Should().Contain("\"modelVersion\":\"9.0.0\"").And.Contain("\"generation\":2");
        }
    }

    private static readonly Regex PromotionEndpoint = new("model-promoted-[^\"]*\":\\{\"status\":\"Healthy\",\"description\":\"ready\"");

    private static bool PromotionEndpointReady(string readiness) => PromotionEndpoint.IsMatch(readiness);

    private static async Task<string> WaitForReadinessAsync(RunningHost host, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string body;
        do
        {
            body = await (await host.Client.GetAsync("/health/ready")).Content.ReadAsStringAsync();
            if (condition(body))
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        return body;
    }
}
