using System.CommandLine;
using System.Text.Json.Nodes;
using Triage.Host.Commands;
using Triage.Testing;

namespace Triage.Host.Tests;

public class ChooseEscalationCommandTests
{
    [Fact]
    public async Task Chooses_thresholds_on_the_held_out_fold_within_the_target_rate()
    {
        var output = Path.Combine(TestPaths.NewTempFolder("choose-escalation"), "escalation.json");
        var model = RunningHost.ModelPath;

        var (exitCode, text, _) = await ChooseEscalation(
            "--data", TestPaths.PadUfes20, "--fold-models", $"0:{model}:{model}", "--target-rate", "0.2", "--out", output);

        exitCode.Should().Be(0);
        text.Should().Contain("thresholds: MinimumConfidence").And.Contain("validation cases from 1 fold(s)");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        json["escalation_rate"]!.GetValue<double>().Should().BeInRange(0, 0.2);
        json["n"]!.GetValue<int>().Should().BeInRange(80, 130, "fold 0 holds about a fifth of the cases");
        json["cascade"]!["weighted_f1"]!.GetValue<double>().Should().BeApproximately(json["student_alone"]!["weighted_f1"]!.GetValue<double>(), 1e-9,
            "a teacher identical to the student changes no answer");
    }

    [Theory]
    [InlineData("0-model.onnx", "K:STUDENT:TEACHER")]
    [InlineData("7:a.onnx:b.onnx", "Fold 7 does not exist")]
    public async Task Refuses_fold_models_it_cannot_use(string foldModels, string message)
    {
        var (exitCode, _, error) = await ChooseEscalation("--data", TestPaths.PadUfes20, "--fold-models", foldModels);

        exitCode.Should().Be(2);
        error.Should().Contain(message);
    }

    private static async Task<(int ExitCode, string Output, string Error)> ChooseEscalation(params string[] options)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await TriageCommandLine.Create().Parse(["choose-escalation", .. options]).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString().Trim());
    }
}
