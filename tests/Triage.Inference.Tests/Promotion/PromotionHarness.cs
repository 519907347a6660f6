using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Triage.Contracts;
using Triage.Data.Images;
using Triage.Domain.ClinicalFeatures;
using Triage.Inference.Models;
using Triage.Inference.Promotion;
using Triage.Inference.Tests.Classification;
using Triage.Ml.Baseline;
using Triage.Testing;

namespace Triage.Inference.Tests.Promotion;

/// <summary>An inference service on the test harness serving student 1.0.0, ready to be sent promotions and cases.</summary>
internal sealed class PromotionHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly byte[] _photo = File.ReadAllBytes(TestPaths.PadUfes20Image("PAT_46_881_939.png"));

    private PromotionHarness(ServiceProvider services, InMemoryImageStore store, ListLogger<ModelPromotedConsumer> log)
    {
        _services = services;
        Store = store;
        Log = log;
        Harness = services.GetRequiredService<ITestHarness>();
    }

    public static string StudentPath { get; } = Student("1.0.0", seed: 1);

    public InMemoryImageStore Store { get; }

    public ListLogger<ModelPromotedConsumer> Log { get; }

    public ITestHarness Harness { get; }

    public ServingModelsHolder Holder => _services.GetRequiredService<ServingModelsHolder>();

    public static string Student(string version, int seed) =>
        TestModelFiles.Write(new TestModelOptions { Name = "test-student", Version = version, Seed = seed });

    public static async Task<PromotionHarness> StartAsync()
    {
        var store = new InMemoryImageStore();
        var log = new ListLogger<ModelPromotedConsumer>();
        var services = InferenceOnTestHarness.Build(
            store,
            new Dictionary<string, string?> { ["Inference:ModelPath"] = StudentPath, ["Inference:ExecutionProvider"] = "cpu" },
            s => s.AddSingleton<ILogger<ModelPromotedConsumer>>(log));
        var started = new PromotionHarness(services, store, log);
        await started.Harness.Start();
        return started;
    }

    public static ModelPromoted Promotion(string studentPath, string version, string? teacherPath = null, string? teacherVersion = null,
        EscalationThresholdValues? thresholds = null) =>
        new(studentPath, version, teacherPath, teacherVersion, thresholds, "test", "passed the gates", DateTimeOffset.UtcNow);

    public async Task<ClassificationRequested> RequestAsync()
    {
        var image = Store.Add(_photo);
        var request = new ClassificationRequested(Guid.NewGuid(), image.Id, image.Sha256, ClinicalFeatureEncoder.Version,
            ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty), DateTimeOffset.UtcNow);
        await Harness.Bus.Publish(request);
        return request;
    }

    public async Task PromoteAsync(ModelPromoted promotion)
    {
        await Harness.Bus.Publish(promotion);
        await Poll.UntilAsync(() => Harness.Consumed.Select<ModelPromoted>(m => m.Context.Message == promotion).Any(), "the promotion consumed");
    }

    public async Task<Dictionary<Guid, ClassificationCompleted>> CompletedAsync(int count)
    {
        await Poll.UntilAsync(() => Harness.Published.Select<ClassificationCompleted>().Count() >= count, $"{count} results");
        return Harness.Published.Select<ClassificationCompleted>().Select(m => m.Context.Message).ToDictionary(m => m.CaseId);
    }

    public async Task<ClassificationCompleted> ClassifyAsync()
    {
        var request = await RequestAsync();
        await Poll.UntilAsync(() => Harness.Published.Select<ClassificationCompleted>(m => m.Context.Message.CaseId == request.CaseId).Any(), "the case's result");
        return Harness.Published.Select<ClassificationCompleted>(m => m.Context.Message.CaseId == request.CaseId).Single().Context.Message;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
