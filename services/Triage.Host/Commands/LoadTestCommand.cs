using System.CommandLine;
using Triage.Host.Benchmarks;
using Triage.Inference.Models;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary>
/// <c>load-test --data D [--model M] [--cases N] [--concurrency C] [--max-batch-size B]... [--provider P] [--out F.md]</c>:
/// the embedded host under concurrent FHIR posts of real cases, once per batching setting (docs/performance.md).
/// </summary>
internal static class LoadTestCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "A folder in the PAD-UFES-20 layout whose cases are posted.", Required = true };
        var model = new Option<FileInfo>("--model") { Description = "The student the host serves.", DefaultValueFactory = _ => new FileInfo("deploy/models/baseline.onnx") };
        var cases = new Option<int>("--cases") { Description = "Cases posted per batching setting.", DefaultValueFactory = _ => 64 };
        var concurrency = new Option<int>("--concurrency") { Description = "Clients posting at once.", DefaultValueFactory = _ => 16 };
        var maxBatchSizes = new Option<int[]>("--max-batch-size") { DefaultValueFactory = _ => [1, 8], AllowMultipleArgumentsPerToken = true };
        var provider = new Option<ExecutionProviderPreference>("--provider") { DefaultValueFactory = _ => ExecutionProviderPreference.Auto };
        var tableFile = new Option<FileInfo?>("--out") { Description = "Also write the Markdown table here." };
        var command = new Command("load-test", "Post real cases to the embedded host from concurrent clients; report throughput and post-to-answer latency.")
        {
            data, model, cases, concurrency, maxBatchSizes, provider, tableFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(data).FullName;
            if (PadUfes20Reader.ProblemWith(folder) is { } problem)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(problem);
                return 2;
            }

            var modelFile = parse.GetRequiredValue(model);
            if (!modelFile.Exists)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"The model {modelFile.FullName} does not exist.");
                return 2;
            }

            var settings = new LoadTestSettings(modelFile.FullName, parse.GetValue(provider),
                Math.Max(1, parse.GetValue(cases)), Math.Max(1, parse.GetValue(concurrency)), parse.GetRequiredValue(maxBatchSizes));
            var output = parse.InvocationConfiguration.Output;
            var result = await new LoadTest(settings, output).RunAsync(PadUfes20Reader.Read(folder), cancellationToken);
            await MarkdownTable.WriteAsync(output, result.Markdown(), parse.GetValue(tableFile), cancellationToken);

            return 0;
        });
        return command;
    }
}
