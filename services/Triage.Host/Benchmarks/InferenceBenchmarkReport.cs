using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Triage.Host.Benchmarks;

/// <summary>The figures as a Markdown table for docs/performance.md, with the ratios the comparison is about.</summary>
public static class InferenceBenchmarkReport
{
    public static string Markdown(IReadOnlyList<InferenceLatency> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine();
        text.AppendLine("| model | runtime | provider | batch | median ms | p95 ms | images/s |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Model} | {r.Runtime} | {r.ExecutionProvider} | {r.BatchSize} | {r.MedianMs:F1} | {r.P95Ms:F1} | {r.ImagesPerSecond:F1} |");
        }

        var ratios = Ratios(results).ToList();
        if (ratios.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| model | batch | comparison | ratio of medians |");
            text.AppendLine("|---|---:|---|---:|");
            foreach (var (model, batch, comparison, ratio) in ratios)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {model} | {batch} | {comparison} | {ratio:F2} |");
            }
        }

        return text.ToString();
    }

    /// <summary>TorchSharp over ONNX Runtime on the CPU, and the CPU over CUDA under ONNX Runtime: above 1 means the second is faster.</summary>
    public static IEnumerable<(string Model, int Batch, string Comparison, double Ratio)> Ratios(IReadOnlyList<InferenceLatency> results)
    {
        foreach (var onnxCpu in results.Where(r => r.Runtime == InferenceBenchmark.OnnxRuntime && r.ExecutionProvider == Inference.Models.ModelSession.Cpu))
        {
            var same = results.Where(r => r.Model == onnxCpu.Model && r.BatchSize == onnxCpu.BatchSize).ToList();
            if (same.FirstOrDefault(r => r.Runtime == InferenceBenchmark.TorchSharp) is { } torch)
            {
                yield return (onnxCpu.Model, onnxCpu.BatchSize, "TorchSharp CPU / ONNX Runtime CPU", torch.MedianMs / onnxCpu.MedianMs);
            }

            if (same.FirstOrDefault(r => r.ExecutionProvider == Inference.Models.ModelSession.Cuda) is { } cuda)
            {
                yield return (onnxCpu.Model, onnxCpu.BatchSize, "ONNX Runtime CPU / ONNX Runtime CUDA", onnxCpu.MedianMs / cuda.MedianMs);
            }
        }
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, ONNX Runtime {typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version}";
    }
}
