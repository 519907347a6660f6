using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Triage.Inference;
using Triage.Testing;

namespace Triage.Host.Tests;

public class ReleasedModelsSettingsTests
{
    [Fact]
    public async Task The_host_serves_the_released_pair_by_default_and_any_other_setting_overrides_it()
    {
        var root = TestPaths.NewTempFolder("released-models");
        Directory.CreateDirectory(Path.Combine(root, "deploy", "models"));
        await File.WriteAllTextAsync(Path.Combine(root, TriageHost.ReleasedModelsSettings), """
            { "Inference": { "ModelPath": "deploy/models/student.onnx", "TeacherModelPath": "deploy/models/teacher.onnx",
                             "Escalation": { "MinimumConfidence": 0.62, "CancerBandLow": 0.25, "CancerBandHigh": 0.7 } } }
            """);

        var released = Options(root);
        var overridden = Options(root, "--Inference:ModelPath", "other.onnx", "--Inference:Escalation:MinimumConfidence", "0.4");

        (released.ModelPath, released.TeacherModelPath, released.Escalation!.MinimumConfidence, released.Escalation.CancerBandHigh)
            .Should().Be(("deploy/models/student.onnx", "deploy/models/teacher.onnx", 0.62, 0.7));
        (overridden.ModelPath, overridden.TeacherModelPath, overridden.Escalation!.MinimumConfidence, overridden.Escalation.CancerBandLow)
            .Should().Be(("other.onnx", "deploy/models/teacher.onnx", 0.4, 0.25));
    }

    [Fact]
    public void Without_the_file_the_defaults_apply()
    {
        var options = Options(TestPaths.NewTempFolder("released-models"));

        options.ModelPath.Should().Be(new InferenceOptions().ModelPath);
        options.HasTeacher.Should().BeFalse();
    }

    [Fact]
    public void The_repository_releases_a_student_and_a_teacher_that_exist()
    {
        var options = Options(TestPaths.RepositoryRoot);

        options.HasTeacher.Should().BeTrue();
        File.Exists(Path.Combine(TestPaths.RepositoryRoot, options.ModelPath)).Should().BeTrue();
        File.Exists(Path.Combine(TestPaths.RepositoryRoot, options.TeacherModelPath!)).Should().BeTrue();
        options.Escalation!.ToThresholds().Validate();
    }

    private static InferenceOptions Options(string contentRoot, params string[] settings)
    {
        var app = TriageHost.Build(["--contentRoot", contentRoot, "--urls", "http://127.0.0.1:0", .. settings]);
        return app.Services.GetRequiredService<IOptions<InferenceOptions>>().Value;
    }
}
