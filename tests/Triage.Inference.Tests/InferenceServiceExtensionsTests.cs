using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Triage.Data.Images;
using Triage.Inference.Models;
using Triage.Inference.Tests.Classification;
using Triage.Ml.Baseline;
using Triage.Testing;

namespace Triage.Inference.Tests;

public class InferenceServiceExtensionsTests
{
    internal static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = TestPaths.RepositoryRoot,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IImageStore>(new InMemoryImageStore());
        builder.AddInference();
        return builder.Build();
    }

    [Fact]
    public async Task Loads_the_default_model_at_start_and_reports_it_ready()
    {
        using var host = Build(new() { ["Inference:ExecutionProvider"] = "cpu" });

        await host.StartAsync();
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains("ready"));
        await host.StopAsync();

        var entry = report.Entries.Should().ContainKey(ModelReadyHealthCheck.Name).WhoseValue;
        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data["modelName"].Should().Be("baseline");
        entry.Data["modelVersion"].Should().Be("1.0.0");
        entry.Data["executionProvider"].Should().Be(ModelSession.Cpu);
    }

    [Fact]
    public async Task A_model_that_breaks_the_contract_stops_the_start()
    {
        var path = TestModelFiles.Write(new TestModelOptions { OmitMetadataKey = ModelMetadataKeys.CalibrationTemperature });
        using var host = Build(new() { ["Inference:ModelPath"] = path, ["Inference:ExecutionProvider"] = "cpu" });

        var start = () => host.StartAsync();

        await start.Should().ThrowAsync<ModelContractException>();
    }

    [Fact]
    public async Task An_unknown_execution_provider_stops_the_start()
    {
        using var host = Build(new() { ["Inference:ExecutionProvider"] = "tpu" });

        var start = () => host.StartAsync();

        await start.Should().ThrowAsync<InvalidOperationException>();
    }

    [Theory]
    [InlineData("0", "00:00:00.005", "8", "MaxBatchSize must be between 1 and 256")]
    [InlineData("8", "00:00:02", "8", "MaxWait must be between 0 and 1 second")]
    [InlineData("16", "00:00:00.005", "8", "exceeds Inference:ConcurrentMessageLimit")]
    public async Task Batching_settings_that_cannot_work_stop_the_start(string maxBatchSize, string maxWait, string concurrentMessageLimit, string problem)
    {
        using var host = Build(new()
        {
            ["Inference:ExecutionProvider"] = "cpu",
            ["Inference:ConcurrentMessageLimit"] = concurrentMessageLimit,
            ["Inference:Batching:MaxBatchSize"] = maxBatchSize,
            ["Inference:Batching:MaxWait"] = maxWait,
        });

        var start = () => host.StartAsync();

        await start.Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage($"*{problem}*");
    }
}
