using System.CommandLine;
using Triage.Host.Benchmarks;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary>
/// <c>time-review --data D [--model M] [--cases N] [--requests R] [--concurrency C] [--out F.json]</c>: the review UI's
/// worklist, case page, thumbnails (cold and warm) and full photos timed in turns on the embedded host with N real cases
/// flagged (docs/performance.md, "Review UI").
/// </summary>
internal static class TimeReviewCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "A folder in the PAD-UFES-20 layout whose cases are posted.", Required = true };
        var model = new Option<FileInfo>("--model") { Description = "The student the host serves.", DefaultValueFactory = _ => new FileInfo("deploy/models/baseline.onnx") };
        var cases = new Option<int>("--cases") { Description = "Cases posted and flagged (at least 2: one warms the server up).", DefaultValueFactory = _ => 24 };
        var requests = new Option<int>("--requests") { Description = "Timed rounds, one request of each kind per round.", DefaultValueFactory = _ => 200 };
        var concurrency = new Option<int>("--concurrency") { Description = "Clients posting the cases at once.", DefaultValueFactory = _ => 4 };
        var jsonFile = new Option<FileInfo?>("--out") { Description = "Also write the figures as JSON here." };
        var command = new Command("time-review", "Time the review UI's pages, thumbnails and photos over HTTP on the embedded host with real flagged cases.")
        {
            data, model, cases, requests, concurrency, jsonFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var folder = parse.GetRequiredValue(data).FullName;
            if (PadUfes20Reader.ProblemWith(folder) is { } problem)
            {
                await error.WriteLineAsync(problem);
                return 2;
            }

            var modelFile = parse.GetRequiredValue(model);
            if (!modelFile.Exists)
            {
                await error.WriteLineAsync($"The model {modelFile.FullName} does not exist.");
                return 2;
            }

            var settings = new ReviewTimingSettings(modelFile.FullName, Math.Max(2, parse.GetValue(cases)), Math.Max(1, parse.GetValue(requests)), Math.Max(1, parse.GetValue(concurrency)));
            var output = parse.InvocationConfiguration.Output;
            var result = await new ReviewTiming(settings, output).RunAsync(PadUfes20Reader.Read(folder), cancellationToken);
            await MarkdownTable.WriteAsync(output, result.Markdown(), null, cancellationToken);
            if (parse.GetValue(jsonFile) is { } file)
            {
                await result.WriteJsonAsync(file, cancellationToken);
            }

            return result.AllOk ? 0 : 1;
        });
        return command;
    }
}
