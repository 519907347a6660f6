using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Triage.Host.Commands;
using Triage.Inference.Models;
using Triage.Ml.Experiments;
using Triage.Testing;

namespace Triage.Host.Tests;

public class ExportOnnxCommandTests
{
    private static readonly NetworkDescription SmallTeacher = new(NetworkDescription.Teacher, "atto", UseMetadata: true, ImageSize: 64);

    [Fact]
    public async Task Exports_trained_weights_with_the_reported_temperature()
    {
        var weights = SaveTrained(SmallTeacher, reportedTemperature: 1.8);
        var model = Path.Combine(Path.GetDirectoryName(weights)!, "teacher.onnx");

        var (exitCode, output, error) = await ExportOnnx("--weights", weights, "--out", model, "--name", "teacher", "--version", "0.3.0");

        (exitCode, error).Should().Be((0, ""));
        output.Should().Contain(model).And.Contain("convnext-atto-cbam-metadata");
        using var classifier = OnnxClassifier.Open(model, ExecutionProviderPreference.Cpu, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance));
        (classifier.Contract.ModelName, classifier.Contract.ModelVersion, classifier.Contract.CalibrationTemperature)
            .Should().Be(("teacher", "0.3.0", 1.8f));
    }

    [Fact]
    public async Task A_given_temperature_needs_no_report()
    {
        var weights = SaveTrained(SmallTeacher, reportedTemperature: null);
        var model = Path.Combine(Path.GetDirectoryName(weights)!, "teacher.onnx");

        var (exitCode, _, error) = await ExportOnnx("--weights", weights, "--out", model, "--temperature", "1.25");

        (exitCode, error).Should().Be((0, ""));
        using var classifier = OnnxClassifier.Open(model, ExecutionProviderPreference.Cpu, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance));
        (classifier.Contract.ModelName, classifier.Contract.CalibrationTemperature).Should().Be(("teacher", 1.25f));
    }

    [Fact]
    public async Task Refuses_missing_weights()
    {
        var weights = Path.Combine(TestPaths.NewTempFolder("export-onnx"), "absent.weights");

        var (exitCode, _, error) = await ExportOnnx("--weights", weights, "--out", weights + ".onnx");

        exitCode.Should().Be(2);
        error.Should().Contain(weights).And.Contain("does not exist");
    }

    [Fact]
    public async Task Refuses_weights_without_a_description()
    {
        var weights = SaveTrained(SmallTeacher, reportedTemperature: 1.5);
        File.Delete(NetworkFiles.DescriptionPath(weights));

        var (exitCode, _, error) = await ExportOnnx("--weights", weights, "--out", weights + ".onnx");

        exitCode.Should().Be(2);
        error.Should().Contain(NetworkFiles.DescriptionPath(weights)).And.Contain("does not exist");
    }

    [Fact]
    public async Task Refuses_weights_without_a_temperature()
    {
        var weights = SaveTrained(SmallTeacher, reportedTemperature: null);

        var (exitCode, _, error) = await ExportOnnx("--weights", weights, "--out", weights + ".onnx");

        exitCode.Should().Be(2);
        error.Should().Contain("--temperature");
    }

    /// <summary>A fresh network saved as training saves one: weights, description and (optionally) the report.</summary>
    private static string SaveTrained(NetworkDescription description, double? reportedTemperature)
    {
        var folder = TestPaths.NewTempFolder("export-onnx");
        var trained = Path.Combine(folder, "best.weights");
        using (var network = description.Create())
        {
            network.save(trained);
        }

        var weights = Path.Combine(folder, "teacher.weights");
        NetworkFiles.Write(weights, trained, description);
        if (reportedTemperature is { } temperature)
        {
            File.WriteAllText(weights + ".json", $$"""{ "best_epoch": 3, "temperature": {{temperature}} }""");
        }

        return weights;
    }

    private static async Task<(int ExitCode, string Output, string Error)> ExportOnnx(params string[] options)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await TriageCommandLine.Create().Parse(["export-onnx", .. options]).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString().Trim());
    }
}
