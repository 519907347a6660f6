using System.CommandLine;
using Triage.Host.Benchmarks;
using Triage.Host.Commands;
using Triage.Testing;

namespace Triage.Host.Tests;

public class TimeInferenceCommandTests
{
    [Fact]
    public async Task Times_both_runtimes_on_the_exported_networks_and_keeps_the_files_when_asked()
    {
        var folder = TestPaths.NewTempFolder("time-inference");
        var table = Path.Combine(folder, "table.md");

        var (exitCode, output, _) = await TimeInference(
            "--image-size", "64", "--batch", "1", "2", "--calls", "2", "--torchsharp", "--export-to", folder, "--out", table);

        exitCode.Should().Be(0);
        var rows = File.ReadAllLines(table).Where(l => l.StartsWith("| student |", StringComparison.Ordinal) || l.StartsWith("| teacher |", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(2 * 2 * 2 + 2 * 2, "two models, two batch sizes, two runtimes, and one ratio per model and batch");
        rows.Should().Contain(r => r.StartsWith("| teacher | TorchSharp | CPU | 2 |", StringComparison.Ordinal));
        output.Should().Contain("TorchSharp CPU / ONNX Runtime CPU");
        File.Exists(Path.Combine(folder, "student.onnx")).Should().BeTrue();
        File.Exists(Path.Combine(folder, "teacher.onnx")).Should().BeTrue();
    }

    [Fact]
    public async Task Times_given_model_files_and_reports_cuda_missing_on_a_machine_without_it()
    {
        var folder = TestPaths.NewTempFolder("time-inference");
        using (BenchmarkNetworks.Create(imageSize: 64, "atto", folder))
        {
        }

        var (exitCode, output, _) = await TimeInference(
            "--student", Path.Combine(folder, "student.onnx"), "--teacher", Path.Combine(folder, "teacher.onnx"),
            "--provider", "cpu", "cuda", "--batch", "1", "--calls", "1");

        exitCode.Should().Be(0);
        output.Should().Contain("| student | ONNX Runtime | CPU | 1 |").And.Contain("| teacher | ONNX Runtime | CPU | 1 |");
        if (!output.Contains("| ONNX Runtime | CUDA |", StringComparison.Ordinal))
        {
            output.Should().Contain("student: CUDA did not load");
        }
    }

    [Fact]
    public async Task Refuses_one_model_file_without_the_other()
    {
        var (exitCode, _, error) = await TimeInference("--student", "student.onnx");

        exitCode.Should().Be(2);
        error.Should().Contain("both --student and --teacher");
    }

    private static async Task<(int ExitCode, string Output, string Error)> TimeInference(params string[] options)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await TriageCommandLine.Create().Parse(["time-inference", .. options]).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString().Trim());
    }
}
