using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Triage.Contracts;
using Triage.Data.Images;
using Triage.Domain.ClinicalFeatures;
using Triage.Ml.Baseline;
using Triage.Testing;

namespace Triage.Inference.Tests.Classification;

/// <summary>The student answers; the teacher (another input size) answers instead when the thresholds escalate.</summary>
public sealed class EscalationConsumerTests
{
    private static readonly string StudentPath = TestModelFiles.Write(new TestModelOptions { Name = "test-student", Version = "1.0.0" });

    private static readonly string TeacherPath = TestModelFiles.Write(new TestModelOptions
    {
        Seed = 7, Name = "test-teacher", Version = "2.0.0", InputWidth = 48, InputHeight = 40,
    });

    private static readonly Dictionary<string, string?> AlwaysEscalate = Thresholds("1", "0", "1");

    private static readonly Dictionary<string, string?> Never = Thresholds("0", "1", "0");

    private static readonly Dictionary<string, string?> AnyCancerProbability = Thresholds("0", "0", "1");

    private static Dictionary<string, string?> Thresholds(string minimumConfidence, string bandLow, string bandHigh) => new()
    {
        ["Inference:Escalation:MinimumConfidence"] = minimumConfidence,
        ["Inference:Escalation:CancerBandLow"] = bandLow,
        ["Inference:Escalation:CancerBandHigh"] = bandHigh,
    };

    private static async Task<ClassificationCompleted> ClassifyAsync(Dictionary<string, string?> thresholds, bool withTeacher = true)
    {
        var store = new InMemoryImageStore();
        var settings = new Dictionary<string, string?>(thresholds)
        {
            ["Inference:ModelPath"] = StudentPath,
            ["Inference:TeacherModelPath"] = withTeacher ? TeacherPath : null,
            ["Inference:ExecutionProvider"] = "cpu",
        };
        await using var services = InferenceOnTestHarness.Build(store, settings);
        var harness = services.GetRequiredService<ITestHarness>();
        await harness.Start();

        var image = store.Add(File.ReadAllBytes(TestPaths.PadUfes20Image("PAT_46_881_939.png")));
        await harness.Bus.Publish(new ClassificationRequested(Guid.NewGuid(), image.Id, image.Sha256, ClinicalFeatureEncoder.Version,
            ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty), DateTimeOffset.UtcNow));

        (await harness.Published.Any<ClassificationCompleted>()).Should().BeTrue();
        return harness.Published.Select<ClassificationCompleted>().Single().Context.Message;
    }

    [Fact]
    public async Task When_the_thresholds_always_escalate_the_teacher_decides_and_both_outputs_are_sent()
    {
        var completed = await ClassifyAsync(AlwaysEscalate);

        completed.DecidedBy.Should().Be(ModelRole.Teacher);
        completed.EscalationReasons.Should().Equal("LowConfidence", "UncertainCancerProbability");
        completed.StudentOutput.ModelName.Should().Be("test-student");
        var teacher = completed.TeacherOutput!;
        teacher.ModelName.Should().Be("test-teacher");
        teacher.InferenceMilliseconds.Should().BePositive();
        (completed.ModelName, completed.ModelVersion, completed.InferenceMilliseconds)
            .Should().Be((teacher.ModelName, teacher.ModelVersion, teacher.InferenceMilliseconds));
        completed.Probabilities.Should().Equal(teacher.Probabilities);
        teacher.Probabilities.Sum(p => p.Probability).Should().BeApproximately(1, 1e-5);
        teacher.Probabilities.Select(p => p.Probability)
            .Should().NotEqual(completed.StudentOutput.Probabilities.Select(p => p.Probability));
    }

    [Fact]
    public async Task With_thresholds_that_never_escalate_only_the_student_runs()
    {
        var completed = await ClassifyAsync(Never);

        completed.DecidedBy.Should().Be(ModelRole.Student);
        completed.ModelName.Should().Be("test-student");
        completed.Probabilities.Should().Equal(completed.StudentOutput.Probabilities);
        completed.TeacherOutput.Should().BeNull();
        completed.EscalationReasons.Should().BeEmpty();
    }

    [Fact]
    public async Task A_case_in_the_cancer_band_escalates_for_that_reason_alone()
    {
        var completed = await ClassifyAsync(AnyCancerProbability);

        completed.DecidedBy.Should().Be(ModelRole.Teacher);
        completed.EscalationReasons.Should().Equal("UncertainCancerProbability");
    }

    [Fact]
    public async Task Without_a_teacher_the_student_decides_whatever_the_thresholds()
    {
        var completed = await ClassifyAsync(AlwaysEscalate, withTeacher: false);

        completed.DecidedBy.Should().Be(ModelRole.Student);
        completed.TeacherOutput.Should().BeNull();
        completed.EscalationReasons.Should().BeEmpty();
    }
}
