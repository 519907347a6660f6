using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Triage.Contracts;
using Triage.Inference.Models;
using Triage.Ml.Baseline;

namespace Triage.Inference.Tests.Promotion;

/// <summary>A promotion swaps the models without losing or failing a case; one that cannot serve is refused.</summary>
public sealed class ModelPromotedConsumerTests
{
    private static readonly string NewStudentPath = PromotionHarness.Student("2.0.0", seed: 5);

    [Fact]
    public async Task Cases_in_flight_during_a_swap_finish_on_the_old_models_and_later_ones_on_the_new()
    {
        await using var service = await PromotionHarness.StartAsync();
        service.Store.Hold();
        var before = new List<ClassificationRequested>();
        for (var i = 0; i < 20; i++)
        {
            before.Add(await service.RequestAsync());
        }

        var inFlight = await HeldSteady(service);
        await service.PromoteAsync(PromotionHarness.Promotion(NewStudentPath, "2.0.0"));
        var after = new List<ClassificationRequested>();
        for (var i = 0; i < 20; i++)
        {
            after.Add(await service.RequestAsync());
        }

        service.Store.Release();
        var completed = await service.CompletedAsync(40);

        completed.Keys.Should().BeEquivalentTo(before.Concat(after).Select(r => r.CaseId));
        service.Harness.Published.Select<Fault<ClassificationRequested>>().Should().BeEmpty();
        before.Count(r => completed[r.CaseId].ModelVersion == "1.0.0").Should().Be(inFlight);
        completed.Values.Where(c => c.ModelVersion != "1.0.0").Should().OnlyContain(c => c.ModelVersion == "2.0.0");
        after.Should().OnlyContain(r => completed[r.CaseId].ModelVersion == "2.0.0");
        service.Log.Entries.Should().Contain(e => e.EventId.Id == 2022 && e.Message.Contains("Generation 2"));
    }

    [Fact]
    public async Task A_repeated_or_older_announcement_does_not_swap_the_models_back()
    {
        await using var service = await PromotionHarness.StartAsync();
        var newer = PromotionHarness.Promotion(NewStudentPath, "2.0.0");
        var older = PromotionHarness.Promotion(PromotionHarness.Student("3.0.0", seed: 9), "3.0.0") with { PromotedAt = newer.PromotedAt.AddMinutes(-5) };

        await service.PromoteAsync(newer);
        await service.PromoteAsync(newer);
        await service.PromoteAsync(older);

        (await service.ClassifyAsync()).ModelVersion.Should().Be("2.0.0");
        using (var serving = service.Holder.Acquire())
        {
            serving.Generation.Number.Should().Be(2, "only the first delivery of the newest promotion swaps");
        }

        service.Log.Entries.Count(e => e.EventId.Id == 2024).Should().Be(2);
    }

    public static TheoryData<string, string> Unusable => new()
    {
        { "random bytes", "*" },
        { "a missing metadata key", "*model contract*" },
        { "no file", "*does not exist*" },
        { "another version", "*declares version '3.0.0'*" },
        { "other features", "*takes features 'pad-ufes-20/v0'*" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public async Task A_promotion_that_cannot_serve_is_refused_and_the_old_models_keep_serving(string problem, string message)
    {
        await using var service = await PromotionHarness.StartAsync();
        var path = problem switch
        {
            "random bytes" => RandomBytes(),
            "a missing metadata key" => TestModelFiles.Write(new TestModelOptions { Version = "2.0.0", OmitMetadataKey = ModelMetadataKeys.ModelVersion }),
            "no file" => Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.onnx"),
            "other features" => TestModelFiles.Write(new TestModelOptions { Version = "2.0.0", FeatureEncoding = "pad-ufes-20/v0", MetadataWidth = 3 }),
            _ => PromotionHarness.Student("3.0.0", seed: 9),
        };

        await service.PromoteAsync(PromotionHarness.Promotion(path, "2.0.0"));

        service.Harness.Consumed.Select<ModelPromoted>().Single().Exception.Should().BeNull("a refusal is acknowledged, not retried");
        service.Harness.Published.Select<Fault<ModelPromoted>>().Should().BeEmpty();
        var refusal = service.Log.Entries.Should().ContainSingle(e => e.EventId.Id == 2021).Which;
        refusal.Level.Should().Be(LogLevel.Error);
        refusal.Message.Should().Match($"*generation 1 keeps serving*{message.TrimStart('*')}");
        (await service.ClassifyAsync()).ModelVersion.Should().Be("1.0.0");
        service.Holder.Acquire().Generation.Number.Should().Be(1);
    }

    [Fact]
    public async Task A_promoted_teacher_and_its_thresholds_serve_with_the_student()
    {
        await using var service = await PromotionHarness.StartAsync();
        var teacher = TestModelFiles.Write(new TestModelOptions { Name = "test-teacher", Version = "3.0.0", Seed = 7, InputWidth = 48 });

        await service.PromoteAsync(PromotionHarness.Promotion(NewStudentPath, "2.0.0", teacher, "3.0.0", new EscalationThresholdValues(1, 0, 1)));
        var completed = await service.ClassifyAsync();

        completed.DecidedBy.Should().Be(ModelRole.Teacher);
        (completed.StudentOutput.ModelVersion, completed.TeacherOutput!.ModelVersion).Should().Be(("2.0.0", "3.0.0"));
    }

    [Fact]
    public async Task Readiness_reports_the_generation_in_use_and_when_it_was_loaded()
    {
        await using var service = await PromotionHarness.StartAsync();
        var promotedAfter = DateTimeOffset.UtcNow;

        await service.PromoteAsync(PromotionHarness.Promotion(NewStudentPath, "2.0.0"));
        var result = await new ModelReadyHealthCheck(service.Holder).CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Healthy);
        result.Data["generation"].Should().Be(2);
        result.Data["modelVersion"].Should().Be("2.0.0");
        DateTimeOffset.Parse((string)result.Data["loadedAt"], System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeOnOrAfter(promotedAfter);
        result.Description.Should().StartWith("generation 2 loaded at");
    }

    private static string RandomBytes()
    {
        var path = Path.Combine(Triage.Testing.TestPaths.NewTempFolder("broken-model"), "model.onnx");
        File.WriteAllBytes(path, Random.Shared.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 4096));
        return path;
    }

    /// <summary>How many cases wait in the image store once no more arrive: those holding the old models.</summary>
    private static async Task<int> HeldSteady(PromotionHarness service)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var held = 0;
        while (held == 0 || service.Store.Held != held)
        {
            held = service.Store.Held;
            await Task.Delay(300, timeout.Token);
        }

        return held;
    }
}
