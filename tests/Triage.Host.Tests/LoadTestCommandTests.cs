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
