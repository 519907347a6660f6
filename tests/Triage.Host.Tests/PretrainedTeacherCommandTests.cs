using System.Reflection;
using System.Text.Json.Nodes;
using Triage.Host.Commands;
using Triage.Ml.Pretrained;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>
/// <c>train-teacher --backbone resnet18-mlnet --pretrained ResNet18.onnx</c> on a few real photos, the
/// teacher exported and evaluated as the service would run it; the torchvision-layout ResNet18 refuses the file.
/// </summary>
public sealed class PretrainedTeacherCommandTests : IDisposable
{
    private readonly string _data = EvaluationFolder.Create(perDiagnosis: 3);
    private readonly string _runs = TestPaths.NewTempFolder("pretrained-teacher");

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    private static string ResNet18Onnx => Ml.Pretrained.ResNet18Onnx.PathInPackage(
        typeof(PretrainedTeacherCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ResNet18PackageFolder").Value!);

    private static async Task<int> TriageAsync(params string[] args) => await TriageCommandLine.Create().Parse(args).InvokeAsync();

    private string[] Teacher(string output, string backbone) =>
        ["train-teacher", "--data", _data, "--out", output, "--backbone", backbone, "--pretrained", ResNet18Onnx,
         "--image-size", "32", "--epochs", "1", "--batch-size", "6", "--folds", "3", "--fold", "1", "--threads", "1"];

    [Fact]
    public async Task Pretrained_resnet_teacher_trains_exports_and_evaluates()
    {
        var teacher = Path.Combine(_runs, "teacher.weights");
        var onnx = Path.Combine(_runs, "teacher.onnx");

        (await TriageAsync(Teacher(teacher, "resnet18-mlnet"))).Should().Be(0);
        (await TriageAsync("export-onnx", "--weights", teacher, "--out", onnx)).Should().Be(0);
        (await TriageAsync("evaluate", "--model", onnx, "--data", _data, "--out", Path.Combine(_runs, "evaluation.json"))).Should().Be(0);

        var report = JsonNode.Parse(await File.ReadAllTextAsync(teacher + ".json"))!;
        report["pretrained"]!.GetValue<string>().Should().Be("ResNet18.onnx");
        report["network"]!["Variant"]!.GetValue<string>().Should().Be("resnet18-mlnet");
        var evaluation = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_runs, "evaluation.json")))!;
        evaluation["model"]!["architecture"]!.GetValue<string>().Should().Be("resnet18-mlnet-cbam-metadata");
    }

    [Fact]
    public async Task The_torchvision_layout_refuses_the_package_file()
    {
        (await TriageAsync(Teacher(Path.Combine(_runs, "refused.weights"), "resnet18"))).Should().Be(2);
        File.Exists(Path.Combine(_runs, "refused.weights")).Should().BeFalse();
    }
}
