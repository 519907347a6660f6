using System.Text.Json.Nodes;
using Triage.Host.Commands;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>
/// The training verbs end to end on a few real photos, at a size CI can afford: a teacher, a student
/// distilled from it, the student exported to ONNX and evaluated as the service would run it.
/// </summary>
public sealed class TrainingCommandsTests : IDisposable
{
    private readonly string _data = EvaluationFolder.Create(perDiagnosis: 4);
    private readonly string _runs = TestPaths.NewTempFolder("training-commands");

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    private static async Task<int> TriageAsync(params string[] args) => await TriageCommandLine.Create().Parse(args).InvokeAsync();

    private string[] Small(string verb, string output) =>
        [verb, "--data", _data, "--out", output, "--image-size", "32", "--epochs", "2", "--batch-size", "8", "--folds", "3", "--fold", "1", "--threads", "1"];

    [Fact]
    public async Task Teacher_then_distilled_student_then_export_then_evaluate()
    {
        var teacher = Path.Combine(_runs, "teacher.weights");
        var student = Path.Combine(_runs, "student.weights");
        var onnx = Path.Combine(_runs, "student.onnx");

        (await TriageAsync([.. Small("train-teacher", teacher), "--variant", "atto"])).Should().Be(0);
        (await TriageAsync([.. Small("distill", student), "--teacher", teacher, "--features", "1", "--attention", "10"])).Should().Be(0);
        (await TriageAsync("export-onnx", "--weights", student, "--out", onnx)).Should().Be(0);
        (await TriageAsync("evaluate", "--model", onnx, "--data", _data, "--out", Path.Combine(_runs, "evaluation.json"))).Should().Be(0);

        var report = JsonNode.Parse(await File.ReadAllTextAsync(student + ".json"))!;
        report["teacher"]!.GetValue<string>().Should().Be(teacher);
        report["history"]!.AsArray().Should().HaveCount(2);
        report["history"]![0]!["Losses"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["focal", "logits", "features", "attention"]);
        foreach (var condition in new[] { "as_recorded", "with_history", "metadata_withheld" })
        {
            report["validation"]![condition]!["accuracy"]!.GetValue<double>().Should().BeInRange(0, 1);
        }

        var evaluation = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_runs, "evaluation.json")))!;
        evaluation["model"]!["name"]!.GetValue<string>().Should().Be("student");
        evaluation["n"]!.GetValue<int>().Should().Be(24);
    }

    [Fact]
    public async Task Distilling_from_weights_without_a_description_is_refused()
    {
        var bogus = Path.Combine(_runs, "nothing.weights");
        await File.WriteAllBytesAsync(bogus, [1, 2, 3]);

        (await TriageAsync([.. Small("distill", Path.Combine(_runs, "s.weights")), "--teacher", bogus])).Should().Be(2);
    }
}
