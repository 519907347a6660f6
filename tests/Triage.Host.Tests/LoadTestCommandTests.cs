using System.CommandLine;
using Triage.Host.Commands;
using Triage.Testing;

namespace Triage.Host.Tests;

public class LoadTestCommandTests
{
    [Fact]
    public async Task Posts_real_cases_for_each_batching_setting_and_reports_throughput_and_overhead()
    {
        var table = Path.Combine(TestPaths.NewTempFolder("load-test"), "load.md");

        var (exitCode, output, error) = await LoadTest(
            "--data", TestPaths.PadUfes20, "--model", RunningHost.ModelPath, "--cases", "6", "--concurrency", "3",
            "--max-batch-size", "1", "3", "--provider", "cpu", "--out", table);

        (exitCode, error).Should().Be((0, ""));
        var rows = File.ReadAllLines(table);
        rows.Should().Contain(r => r.StartsWith("| 1 |", StringComparison.Ordinal))
            .And.Contain(r => r.StartsWith("| 3 |", StringComparison.Ordinal));
        output.Should().Contain("6 cases in").And.Contain("Throughput with max batch 3 over max batch 1");
    }

    [Fact]
    public async Task During_training_compares_latency_while_the_host_trains_with_after_the_run_ended()
    {
        var data = EvaluationFolder.Create(perDiagnosis: 5);
        var table = Path.Combine(TestPaths.NewTempFolder("load-test"), "during-training.md");
        try
        {
            var (exitCode, output, error) = await LoadTest(
                "--data", data, "--model", RunningHost.ModelPath, "--cases", "4", "--concurrency", "2", "--provider", "cpu", "--during-training", "--out", table,
                "--Training:Pipeline:ImageSize", "32", "--Training:Pipeline:TeacherEpochs", "2", "--Training:Pipeline:StudentEpochs", "2",
                "--Training:Pipeline:MaxBatchesPerEpoch", "2", "--Training:Pipeline:BatchSize", "8", "--Training:Pipeline:ValidationFolds", "3",
                "--Training:Pipeline:ParityImages", "1", "--Training:Corpus:EvaluationShare", "0.3");

            (exitCode, error).Should().Be((0, ""), output);
            output.Should().Contain("training run 1: Succeeded");
            var rows = File.ReadAllLines(table);
            rows.Should().Contain(r => r.StartsWith("| while training |", StringComparison.Ordinal) && !r.StartsWith("| while training | 0 |", StringComparison.Ordinal))
                .And.Contain(r => r.StartsWith("| after training |", StringComparison.Ordinal))
                .And.Contain(r => r.StartsWith("While training over after: median x", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Refuses_an_option_it_does_not_know_and_takes_host_settings()
    {
        var (exitCode, _, error) = await LoadTest("--data", TestPaths.PadUfes20, "--cases-per-round", "4");

        exitCode.Should().Be(2);
        error.Should().Contain("Unknown option --cases-per-round");
    }

    [Fact]
    public async Task Refuses_a_folder_that_is_not_in_the_pad_ufes_20_layout()
    {
        var (exitCode, _, error) = await LoadTest("--data", TestPaths.NewTempFolder("load-test"));

        exitCode.Should().Be(2);
        error.Should().Contain("metadata.csv");
    }

    private static async Task<(int ExitCode, string Output, string Error)> LoadTest(params string[] options)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await TriageCommandLine.Create().Parse(["load-test", .. options]).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString().Trim());
    }
}
