using System.CommandLine;
using Triage.Host.Commands;
using Triage.Ml.Baseline;
using Triage.Testing;

namespace Triage.Host.Tests;

public class EvaluateCommandRefusalTests
{
    private static readonly string Model = Path.Combine(TestPaths.RepositoryRoot, "deploy", "models", "baseline.onnx");

    [Fact]
    public async Task Refuses_a_folder_that_does_not_exist()
    {
        var missing = Path.Combine(TestPaths.NewTempFolder("evaluate-missing"), "nowhere");

        var (exitCode, error) = await Evaluate("--model", Model, "--data", missing);

        exitCode.Should().Be(2);
        error.Should().Contain(missing).And.Contain("does not exist");
    }

    [Fact]
    public async Task Refuses_a_folder_without_metadata()
    {
        var empty = TestPaths.NewTempFolder("evaluate-empty");

        var (exitCode, error) = await Evaluate("--model", Model, "--data", empty);

        exitCode.Should().Be(2);
        error.Should().Contain("no metadata.csv");
    }

    [Fact]
    public async Task Refuses_a_model_that_breaks_the_contract()
    {
        var model = TestModels.Write(Path.Combine(TestPaths.NewTempFolder("evaluate-model"), "five-classes.onnx"), new TestModelOptions { ClassCount = 5 });

        var (exitCode, error) = await Evaluate("--model", model, "--data", EvaluationFolder.Create(perDiagnosis: 1));

        exitCode.Should().Be(2);
        error.Should().Contain("does not meet the model contract");
    }

    [Fact]
    public async Task Refuses_a_file_that_is_not_onnx()
    {
        var model = Path.Combine(TestPaths.NewTempFolder("evaluate-model"), "notes.onnx");
        await File.WriteAllTextAsync(model, "not a model");

        var (exitCode, error) = await Evaluate("--model", model, "--data", EvaluationFolder.Create(perDiagnosis: 1));

        exitCode.Should().Be(2);
        error.Should().Contain(model);
    }

    [Fact]
    public async Task Refuses_a_teacher_without_every_threshold()
    {
        var (exitCode, error) = await Evaluate("--model", Model, "--teacher", Model, "--data", TestPaths.PadUfes20,
            "--min-confidence", "0.5", "--cancer-low", "0.2");

        exitCode.Should().Be(2);
        error.Trim().Should().NotContain("\n").And.Contain("missing: --cancer-high");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("half")]
    public async Task Refuses_a_threshold_that_is_not_a_probability(string value)
    {
        var (exitCode, error) = await Evaluate("--model", Model, "--teacher", Model, "--data", TestPaths.PadUfes20,
            "--min-confidence", value, "--cancer-low", "0.2", "--cancer-high", "0.8");

        exitCode.Should().Be(2);
        error.Should().Contain("--min-confidence must be a probability between 0 and 1");
    }

    [Fact]
    public async Task Refuses_thresholds_without_a_teacher()
    {
        var (exitCode, error) = await Evaluate("--model", Model, "--data", TestPaths.PadUfes20, "--cancer-low", "0.2");

        exitCode.Should().Be(2);
        error.Should().Contain("--cancer-low").And.Contain("give --teacher");
    }

    private static async Task<(int ExitCode, string Error)> Evaluate(params string[] options)
    {
        var report = Path.Combine(TestPaths.NewTempFolder("evaluate-out"), "report.json");
        var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = new StringWriter(), Error = error };

        var exitCode = await TriageCommandLine.Create().Parse(["evaluate", .. options, "--out", report]).InvokeAsync(configuration);

        error.ToString().Should().NotContain("   at ", "a refusal is a message, not a stack trace");
        File.Exists(report).Should().BeFalse();
        return (exitCode, error.ToString());
    }
}
