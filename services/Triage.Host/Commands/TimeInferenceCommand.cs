using System.CommandLine;
using Microsoft.Extensions.Logging;
using Triage.Host.Benchmarks;
using Triage.Inference.Models;

namespace Triage.Host.Commands;

/// <summary>
/// <c>time-inference [--student S --teacher T] [--provider cpu|cuda] [--batch N]... [--calls N] [--torchsharp] [--out F.md]</c>:
/// inference latency of the student and the teacher per batch size and execution provider (docs/performance.md).
/// Without model files it exports a seeded student and teacher and can also time them in TorchSharp.
/// </summary>
internal static class TimeInferenceCommand
{
    public static Command Create()
    {
        var student = new Option<FileInfo?>("--student") { Description = "A student ONNX file; with --teacher, time these instead of freshly exported networks." };
        var teacher = new Option<FileInfo?>("--teacher") { Description = "A teacher ONNX file." };
        var imageSize = new Option<int>("--image-size") { Description = "Input size of the exported networks.", DefaultValueFactory = _ => 224 };
        var variant = new Option<string>("--variant") { Description = "ConvNeXt variant of the exported teacher.", DefaultValueFactory = _ => "atto" };
        var providers = new Option<ExecutionProviderPreference[]>("--provider")
        {
            Description = "Execution providers to time (repeatable); CUDA is reported missing when it does not load.",
            DefaultValueFactory = _ => [ExecutionProviderPreference.Cpu],
            AllowMultipleArgumentsPerToken = true,
        };
        var batches = new Option<int[]>("--batch") { DefaultValueFactory = _ => [1, 8, 32], AllowMultipleArgumentsPerToken = true };
        var calls = new Option<int>("--calls") { Description = "Timed calls per configuration, after 3 warm-up calls; the configurations of one model and batch size take turns.", DefaultValueFactory = _ => 20 };
        var torchSharp = new Option<bool>("--torchsharp") { Description = "Also time the exported networks in TorchSharp on the CPU." };
        var exportTo = new Option<DirectoryInfo?>("--export-to") { Description = "Keep the exported student.onnx and teacher.onnx in this folder (to time them on another machine)." };
        var tableFile = new Option<FileInfo?>("--out") { Description = "Also write the Markdown table here." };
        var command = new Command("time-inference", "Measure student and teacher inference latency per batch size and execution provider.")
        {
            student, teacher, imageSize, variant, providers, batches, calls, torchSharp, exportTo, tableFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (studentFile, teacherFile) = (parse.GetValue(student), parse.GetValue(teacher));
            if ((studentFile is null) != (teacherFile is null) || (studentFile is not null && parse.GetValue(torchSharp)))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Give both --student and --teacher, or neither (and --torchsharp only without them).");
                return 2;
            }

            using var exported = studentFile is null ? BenchmarkNetworks.Create(parse.GetValue(imageSize), parse.GetRequiredValue(variant), parse.GetValue(exportTo)?.FullName) : null;
            IReadOnlyList<BenchmarkNetwork> networks = exported?.Networks ??
                [new BenchmarkNetwork("student", studentFile!.FullName, null), new BenchmarkNetwork("teacher", teacherFile!.FullName, null)];

            using var logging = LoggerFactory.Create(logs => logs.AddSimpleConsole(console => console.SingleLine = true));
            var selector = new ExecutionProviderSelector(logging.CreateLogger<ExecutionProviderSelector>());
            var output = parse.InvocationConfiguration.Output;
            var benchmark = new InferenceBenchmark(new InferenceTimer(warmUpRounds: 3, Math.Max(1, parse.GetValue(calls))), selector, output);
            var results = benchmark.Run(networks, parse.GetRequiredValue(providers).Distinct().ToList(), parse.GetRequiredValue(batches), parse.GetValue(torchSharp));

            await MarkdownTable.WriteAsync(output, InferenceBenchmarkReport.Markdown(results), parse.GetValue(tableFile), cancellationToken);

            return 0;
        });
        return command;
    }
}
