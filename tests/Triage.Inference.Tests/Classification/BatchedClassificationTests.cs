using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Triage.Contracts;
using Triage.Data.Images;
using Triage.Domain.ClinicalFeatures;
using Triage.Testing;

namespace Triage.Inference.Tests.Classification;

/// <summary>Cases consumed at the same time share model runs, and each keeps its own answer or fault.</summary>
public sealed class BatchedClassificationTests : IAsyncLifetime
{
    private const int Cases = 8;
    private readonly InMemoryImageStore _store = new();
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _services = InferenceOnTestHarness.Build(_store, new Dictionary<string, string?>
        {
            ["Inference:ModelPath"] = TestModelFiles.Write(),
            ["Inference:ExecutionProvider"] = "cpu",
            ["Inference:ConcurrentMessageLimit"] = $"{Cases}",
            ["Inference:Batching:MaxBatchSize"] = $"{Cases}",
            ["Inference:Batching:MaxWait"] = "00:00:00.500",
        });
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Cases_consumed_together_run_as_one_batch_and_a_bad_one_faults_alone()
    {
        var photo = File.ReadAllBytes(TestPaths.PadUfes20Image("PAT_46_881_939.png"));
        var requests = Enumerable.Range(0, Cases).Select(i =>
        {
            var image = _store.Add(photo);
            return new ClassificationRequested(Guid.NewGuid(), image.Id, i == 0 ? new string('0', 64) : image.Sha256,
                ClinicalFeatureEncoder.Version, ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty), DateTimeOffset.UtcNow);
        }).ToList();
        _store.Hold();

        foreach (var request in requests)
        {
            await _harness.Bus.Publish(request);
        }

        await Poll.UntilAsync(() => _store.Held == Cases, "every case held by the store");
        _store.Release();
        await Poll.UntilAsync(() => _harness.Published.Select<ClassificationCompleted>().Count() == Cases - 1, "every good case's result");

        var answers = _harness.Published.Select<ClassificationCompleted>().Select(m => m.Context.Message).ToList();
        answers.Select(a => a.CaseId).Should().BeEquivalentTo(requests.Skip(1).Select(r => r.CaseId));
        answers.Should().OnlyContain(a => a.StudentOutput.BatchSize == Cases - 1, "the seven good cases were waiting together");
        answers.Select(a => a.Probabilities.Select(p => p.Probability)).Distinct(new SequenceComparer()).Should().ContainSingle("the same photo gets the same answer in any batch");
        await Poll.UntilAsync(() => _harness.Published.Select<Fault<ClassificationRequested>>(f => f.Context.Message.Message.CaseId == requests[0].CaseId).Any(), "the bad case's fault");
        _harness.Published.Select<Fault<ClassificationRequested>>().Should().ContainSingle();
    }

    private sealed class SequenceComparer : IEqualityComparer<IEnumerable<double>>
    {
        public bool Equals(IEnumerable<double>? x, IEnumerable<double>? y) => x!.Zip(y!).All(p => Math.Abs(p.First - p.Second) < 1e-6);

        public int GetHashCode(IEnumerable<double> obj) => 0;
    }
}
