using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Triage.Contracts;
using Triage.Data.Images;
using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Testing;

namespace Triage.Inference.Tests.Classification;

public sealed class ClassifyCaseConsumerTests : IAsyncLifetime
{
    private readonly InMemoryImageStore _store = new();
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _services = InferenceOnTestHarness.Build(_store, new Dictionary<string, string?>
        {
            ["Inference:ModelPath"] = TestModelFiles.Write(),
            ["Inference:ExecutionProvider"] = "cpu",
        });
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private ClassificationRequested Request(StoredImage image, string? sha256 = null, string encoding = ClinicalFeatureEncoder.Version) =>
        new(Guid.NewGuid(), image.Id, sha256 ?? image.Sha256, encoding,
            ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty.With(ClinicalFeatureCatalogue.Age, FeatureValue.Of(61))),
            DateTimeOffset.UtcNow);

    private StoredImage RealPhoto() => _store.Add(File.ReadAllBytes(TestPaths.PadUfes20Image("PAT_46_881_939.png")));

    [Fact]
    public async Task Publishes_six_probabilities_that_sum_to_one()
    {
        var request = Request(RealPhoto());

        await _harness.Bus.Publish(request);

        (await _harness.Published.Any<ClassificationCompleted>()).Should().BeTrue();
        var completed = _harness.Published.Select<ClassificationCompleted>().Single().Context.Message;
        completed.CaseId.Should().Be(request.CaseId);
        completed.Probabilities.Select(p => p.Diagnosis).Should().Equal(Diagnoses.All.Select(d => d.Code()));
        completed.Probabilities.Sum(p => p.Probability).Should().BeApproximately(1, 1e-5);
        completed.ModelName.Should().Be("test-model");
        completed.ModelVersion.Should().Be("0.0.0-test");
        completed.ExecutionProvider.Should().Be("CPU");
        completed.InferenceMilliseconds.Should().BePositive();
        completed.DecidedBy.Should().Be(ModelRole.Student);
        completed.StudentOutput.Probabilities.Should().Equal(completed.Probabilities);
        completed.TeacherOutput.Should().BeNull();
        completed.EscalationReasons.Should().BeEmpty();
    }

    [Fact]
    public async Task A_checksum_mismatch_faults_at_once_without_retries()
    {
        var request = Request(RealPhoto(), sha256: new string('0', 64));

        await _harness.Bus.Publish(request);

        (await _harness.Published.Any<Fault<ClassificationRequested>>()).Should().BeTrue();
        var fault = _harness.Published.Select<Fault<ClassificationRequested>>().Single().Context.Message;
        fault.Message.CaseId.Should().Be(request.CaseId);
        fault.Exceptions.Should().ContainSingle().Which.ExceptionType.Should().EndWith(nameof(Inference.Classification.CaseNotClassifiableException));
        _store.Lookups.Should().Be(1);
        (await _harness.Published.Any<ClassificationCompleted>()).Should().BeFalse();
    }

    [Theory]
    [InlineData("missing image")]
    [InlineData("other encoding")]
    public async Task Requests_that_can_never_succeed_fault_without_retries(string problem)
    {
        var photo = RealPhoto();
        var request = problem == "missing image"
            ? Request(photo) with { ImageId = Guid.NewGuid() }
            : Request(photo, encoding: "pad-ufes-20/v0");

        await _harness.Bus.Publish(request);

        (await _harness.Published.Any<Fault<ClassificationRequested>>()).Should().BeTrue();
        _store.Lookups.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_passing_failure_of_the_image_store_is_retried()
    {
        var request = Request(RealPhoto());
        _store.FailNext(1);

        await _harness.Bus.Publish(request);

        (await _harness.Published.Any<ClassificationCompleted>()).Should().BeTrue();
        _store.Lookups.Should().Be(2);
        (await _harness.Published.Any<Fault<ClassificationRequested>>()).Should().BeFalse();
    }
}
