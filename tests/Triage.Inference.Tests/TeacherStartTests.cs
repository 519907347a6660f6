using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Triage.Inference.Models;
using Triage.Ml.Baseline;

namespace Triage.Inference.Tests;

/// <summary>A configured teacher is loaded and checked at start like the student, and reported on readiness.</summary>
public class TeacherStartTests
{
    private static Dictionary<string, string?> WithTeacher(string teacherPath, string minimumConfidence = "0.6") => new()
    {
        ["Inference:ExecutionProvider"] = "cpu",
        ["Inference:TeacherModelPath"] = teacherPath,
        ["Inference:Escalation:MinimumConfidence"] = minimumConfidence,
        ["Inference:Escalation:CancerBandLow"] = "0.2",
        ["Inference:Escalation:CancerBandHigh"] = "0.8",
    };

    private static string Teacher(TestModelOptions? options = null) =>
        TestModelFiles.Write((options ?? new TestModelOptions()) with { Name = "test-teacher", Version = "2.0.0" });

    [Fact]
    public async Task Readiness_reports_the_student_and_the_teacher()
    {
        using var host = InferenceServiceExtensionsTests.Build(WithTeacher(Teacher()));

        await host.StartAsync();
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains("ready"));
        await host.StopAsync();

        var entry = report.Entries[ModelReadyHealthCheck.Name];
        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data["modelName"].Should().Be("baseline");
        entry.Data["teacherModelName"].Should().Be("test-teacher");
        entry.Data["teacherModelVersion"].Should().Be("2.0.0");
        entry.Data["teacherExecutionProvider"].Should().Be(ModelSession.Cpu);
        entry.Description.Should().Contain("student baseline").And.Contain("teacher test-teacher 2.0.0 on CPU");
    }

    [Fact]
    public async Task A_teacher_that_breaks_the_contract_stops_the_start()
    {
        var path = Teacher(new TestModelOptions { OmitMetadataKey = ModelMetadataKeys.CalibrationTemperature });
        using var host = InferenceServiceExtensionsTests.Build(WithTeacher(path));

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<ModelContractException>()).Which.ModelPath.Should().Be(path);
    }

    [Fact]
    public async Task A_teacher_that_takes_other_features_stops_the_start()
    {
        var path = Teacher(new TestModelOptions { FeatureEncoding = "pad-ufes-20/v0", MetadataWidth = 3 });
        using var host = InferenceServiceExtensionsTests.Build(WithTeacher(path));

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<ModelContractException>()).WithMessage("*pad-ufes-20/v0*");
    }

    [Theory]
    [InlineData("1.5", "*probabilities between 0 and 1*")]
    [InlineData(null, "*MinimumConfidence*")]
    public async Task Thresholds_that_are_missing_or_not_probabilities_stop_the_start(string? minimumConfidence, string message)
    {
        var settings = WithTeacher(Teacher());
        settings["Inference:Escalation:MinimumConfidence"] = minimumConfidence;
        using var host = InferenceServiceExtensionsTests.Build(settings);

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).WithMessage(message);
    }

    [Fact]
    public async Task A_teacher_without_thresholds_stops_the_start()
    {
        using var host = InferenceServiceExtensionsTests.Build(new()
        {
            ["Inference:ExecutionProvider"] = "cpu",
            ["Inference:TeacherModelPath"] = Teacher(),
        });

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).WithMessage("*Inference:Escalation*");
    }
}
