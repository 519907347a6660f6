using System.Diagnostics;
using Triage.Domain.ClinicalFeatures;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Benchmarks;

/// <summary>
/// Parameters, half-precision size, one training step (batch 8, 224 px) and one inference (batch 1) of the
/// student and every teacher trunk (ConvNeXt sizes and ResNet18), as a Markdown table for docs/ml.md. The machine is shared, so each
/// figure is the fastest of a few runs after a warm-up: the closest to what the code itself costs.
/// </summary>
public static class ArchitectureTiming
{
    private const int BatchSize = 8;
    private const int ImageSize = 224;
    private const int MeasuredSteps = 3;
    private const int MeasuredInferences = 5;

    public static void Run(TextWriter output, int threads = 2)
    {
        set_num_threads(threads);
        manual_seed(1);
        output.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {threads} torch threads.");
        output.WriteLine($"| network | parameters | float16 MB | train step, batch {BatchSize}: wall s (CPU s) | inference, batch 1: wall ms (CPU ms) |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Measure(output, "EfficientNet-B0 student", new StudentNetwork());
        foreach (var variant in ConvNeXtVariant.All)
        {
            Measure(output, $"ConvNeXt-{variant.Name} + CBAM teacher", new TeacherNetwork(new TeacherNetworkOptions(variant)));
        }

        foreach (var variant in ResNetVariant.All)
        {
            Measure(output, $"ResNet ({variant.Name}) + CBAM teacher", new TeacherNetwork(new TeacherNetworkOptions(variant)));
        }
    }

    private static void Measure(TextWriter output, string name, nn.Module<Tensor, Tensor?, NetworkOutput> network)
    {
        using var _ = network;
        using var images = randn(BatchSize, 3, ImageSize, ImageSize);
        using var metadata = rand(BatchSize, ClinicalFeatureEncoder.Width);
        using var labels = arange(BatchSize) % 6;

        network.train();
        var step = Fastest(MeasuredSteps, () =>
        {
            network.zero_grad();
            nn.functional.cross_entropy(network.call(images, metadata).Logits, labels).backward();
        });

        network.eval();
        var inference = Fastest(MeasuredInferences, () =>
        {
            using var noGrad = no_grad();
            network.call(images[..1], metadata[..1]);
        });

        var count = network.CountParameters();
        output.WriteLine($"| {name} | {count:N0} | {count * 2 / 1e6:F1} | {step.Wall:F2} ({step.Cpu:F2}) | " +
                         $"{inference.Wall * 1000:F0} ({inference.Cpu * 1000:F0}) |");
    }

    private static (double Wall, double Cpu) Fastest(int runs, Action run)
    {
        var process = Process.GetCurrentProcess();
        var times = Enumerable.Range(0, runs + 1).Select(_ =>
        {
            using var scope = NewDisposeScope();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            run();
            process.Refresh();
            return (Wall: clock.Elapsed.TotalSeconds, Cpu: (process.TotalProcessorTime - cpu).TotalSeconds);
        }).Skip(1).ToList();
        return (times.Min(t => t.Wall), times.Min(t => t.Cpu));
    }
}
