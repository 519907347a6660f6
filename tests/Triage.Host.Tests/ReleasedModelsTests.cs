using System.CommandLine;
using System.Text.Json.Nodes;
using Triage.Host.Commands;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>The released student and teacher give, on the fold they never trained on, exactly the figures the model card quotes.</summary>
public class ReleasedModelsTests
{
    private static string Models => Path.Combine(TestPaths.RepositoryRoot, "deploy", "models");

    [Fact]
    public async Task The_released_escalation_choice_and_its_figures_reproduce_on_the_held_out_fold()
    {
        var released = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Models, "escalation.json")))!;
        var output = Path.Combine(TestPaths.NewTempFolder("released-models"), "escalation.json");

        var (text, error) = (new StringWriter(), new StringWriter());
        var exitCode = await TriageCommandLine.Create().Parse(
        [
            "choose-escalation", "--data", TestPaths.PadUfes20,
            "--fold-models", $"0:{Path.Combine(Models, "student.onnx")}:{Path.Combine(Models, "teacher.onnx")}",
            "--target-rate", "0.3", "--out", output,
        ]).InvokeAsync(new InvocationConfiguration { Output = text, Error = error });

        exitCode.Should().Be(0, error.ToString());
        var again = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        again["n"]!.GetValue<int>().Should().Be(released["n"]!.GetValue<int>());
        again["escalation"]!.ToJsonString().Should().Be(released["escalation"]!.ToJsonString());
        again["escalation_rate"]!.GetValue<double>().Should().BeApproximately(released["escalation_rate"]!.GetValue<double>(), 1e-9);

        foreach (var model in new[] { "cascade", "student_alone", "teacher_alone" })
        {
            again[model]!["weighted_f1"]!.GetValue<double>().Should().BeApproximately(released[model]!["weighted_f1"]!.GetValue<double>(), 1e-9, model);
        }

        released["cascade"]!["weighted_f1"]!.GetValue<double>().Should().BeGreaterThan(0.65, "the released cascade beats the metadata-only floor");
    }

    [Theory]
    [InlineData("student.onnx")]
    [InlineData("teacher.onnx")]
    public void Each_released_file_stays_under_50_MB(string file) =>
        new FileInfo(Path.Combine(Models, file)).Length.Should().BeLessThan(50_000_000);
}
