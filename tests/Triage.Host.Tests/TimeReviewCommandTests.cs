using System.CommandLine;
using System.Text.Json;
using Triage.Host.Commands;
using Triage.Testing;

namespace Triage.Host.Tests;

public class TimeReviewCommandTests
{
    private static readonly string[] Kinds = ["worklist page", "case page", "thumbnail, cold", "thumbnail, warm", "full photo"];

    [Fact]
    public async Task Times_the_review_pages_thumbnails_and_photos_of_real_flagged_cases_and_reports_what_the_thumbnail_saves()
    {
        var json = Path.Combine(TestPaths.NewTempFolder("time-review"), "review.json");

        var (exitCode, output, error) = await TimeReview(
            "--data", TestPaths.PadUfes20, "--model", RunningHost.ModelPath, "--cases", "3", "--requests", "4", "--out", json);

        (exitCode, error).Should().Be((0, ""), output);
        output.Should().Contain("time-review: 3 cases on the worklist").And.Contain("time-review: 4/4 rounds");
        foreach (var kind in Kinds)
        {
            output.Should().MatchRegex($@"\| {kind} \| \d+ \| [\d.]+ \| [\d.]+ \| \d+ \| [\d,]+ \| 200 \|");
        }

        output.Should().Contain("Full photo over warm thumbnail").And.Contain("Worklist page 1:");
        using var figures = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var requests = figures.RootElement.GetProperty("requests").EnumerateArray().ToDictionary(r => r.GetProperty("kind").GetString()!);
        requests.Keys.Should().Equal(Kinds);
        requests.Values.Should().OnlyContain(r => r.GetProperty("statuses").GetString() == "200" && r.GetProperty("median_ms").GetDouble() > 0);
        requests["thumbnail, cold"].GetProperty("requests").GetInt32().Should().Be(2, "one case warms the server up, the other two are made on request");
        requests["thumbnail, warm"].GetProperty("median_bytes").GetDouble().Should().BeLessThan(requests["full photo"].GetProperty("median_bytes").GetDouble());
        var worklist = figures.RootElement.GetProperty("worklist");
        worklist.GetProperty("thumbnails").GetInt32().Should().Be(3);
        worklist.GetProperty("with_thumbnails").GetInt64().Should().BeLessThan(worklist.GetProperty("with_photos").GetInt64());
    }

    [Fact]
    public async Task Refuses_a_folder_that_is_not_in_the_pad_ufes_20_layout()
    {
        var (exitCode, _, error) = await TimeReview("--data", TestPaths.NewTempFolder("time-review"));

        exitCode.Should().Be(2);
        error.Should().Contain("metadata.csv");
    }

    private static async Task<(int ExitCode, string Output, string Error)> TimeReview(params string[] options)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await TriageCommandLine.Create().Parse(["time-review", .. options]).InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString().Trim());
    }
}
