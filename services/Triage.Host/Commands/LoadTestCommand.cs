using System.CommandLine;
using Triage.Host.Benchmarks;
using Triage.Inference.Models;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary>
/// <c>load-test --data D [--model M] [--cases N] [--concurrency C] [--max-batch-size B]... [--provider P] [--out F.md] [--during-training] [settings]</c>:
/// the embedded host under concurrent FHIR posts of real cases, once per batching setting (docs/performance.md); with
/// <c>--during-training</c>, while that host runs a training job on D and after it (docs/operations.md). Settings such as
/// <c>--Training:Pipeline:ImageSize 64</c> go to the host's configuration.
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
        var duringTraining = new Option<bool>("--during-training")
        {
            Description = "Start a training run (teacher and student) on --data inside the host and compare latency while it runs with after it ended (first --max-batch-size only).",
        };
        var command = new Command("load-test", "Post real cases to the embedded host from concurrent clients; report throughput and post-to-answer latency.")
        {
            data, model, cases, concurrency, maxBatchSizes, provider, tableFile, duringTraining,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.UnmatchedTokens.FirstOrDefault(token => token.StartsWith("--", StringComparison.Ordinal) && !token.Contains(':', StringComparison.Ordinal)) is { } unknown)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Unknown option {unknown}; host settings are written --Section:Key value.");
                return 2;
            }

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
                Math.Max(1, parse.GetValue(cases)), Math.Max(1, parse.GetValue(concurrency)), parse.GetRequiredValue(maxBatchSizes))
            {
                HostConfiguration = [.. parse.UnmatchedTokens],
            };
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(duringTraining))
            {
                var measured = await new LoadDuringTraining(settings, folder, output).RunAsync(PadUfes20Reader.Read(folder), cancellationToken);
                await MarkdownTable.WriteAsync(output, measured.Markdown(), parse.GetValue(tableFile), cancellationToken);
                return measured.Measured ? 0 : 1;
            }

            var result = await new LoadTest(settings, output).RunAsync(PadUfes20Reader.Read(folder), cancellationToken);
            await MarkdownTable.WriteAsync(output, result.Markdown(), parse.GetValue(tableFile), cancellationToken);

            return 0;
        });
        return command;
    }
}
