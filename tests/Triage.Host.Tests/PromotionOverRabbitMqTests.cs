using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Triage.Contracts;
using Triage.Ml.Baseline;
using Triage.Testing;
using Triage.Training.Corpus;
using Triage.Training.Promotion;
using Triage.Training.Registry;

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

    [Fact]
    public async Task A_champion_announced_while_the_broker_is_down_is_served_once_it_returns()
    {
        await using var host = await RunningHost.StartAsync("--ConnectionStrings:RabbitMq", Broker.Address);
        var promoted = TestModels.Write(Path.Combine(TestPaths.NewTempFolder("promoted"), "student.onnx"),
            new TestModelOptions { Name = "baseline", Version = "9.1.0", Seed = 11 });
        await WaitForReadinessAsync(host, PromotionEndpointReady);
        var champion = new ModelVersion
        {
            Version = "9.1.0", Role = ModelRole.Student, Architecture = "baseline", MetricsJson = "{}",
            ArtefactPath = promoted, ArtefactSha256 = FileSha256.Of(promoted),
        };

        await Broker.StopAsync();
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ChampionAnnouncer>().AnnounceAsync(champion, "test", "announced during a broker outage", CancellationToken.None);
        }
        finally
        {
            await Broker.StartAsync();
        }

        var ready = await WaitForReadinessAsync(host, body => body.Contains("\"modelVersion\":\"9.1.0\""), TimeSpan.FromSeconds(90));
        ready.Should().Contain("\"modelVersion\":\"9.1.0\"", "the announcement waited in the outbox and was published when the broker came back");
    }

    private static readonly Regex PromotionEndpoint = new("model-promoted-[^\"]*\":\\{\"status\":\"Healthy\",\"description\":\"ready\"");

    private static bool PromotionEndpointReady(string readiness) => PromotionEndpoint.IsMatch(readiness);

    private static async Task<string> WaitForReadinessAsync(RunningHost host, Func<string, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
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
