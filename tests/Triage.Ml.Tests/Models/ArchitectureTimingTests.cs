using System.Diagnostics;
using Triage.Ml.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Models;

/// <summary>Runs only when asked for, for docs/ml.md: <c>TRIAGE_MODEL_TIMINGS=1 dotnet test tests/Triage.Ml.Tests --filter ArchitectureTimingTests --logger "console;verbosity=detailed"</c>.</summary>
public sealed class TimingFactAttribute : FactAttribute
{
    public TimingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("TRIAGE_MODEL_TIMINGS") != "1")
            Skip = "Set TRIAGE_MODEL_TIMINGS=1 to measure (about a minute on 2 cores).";
    }
}

[Collection(TorchModelsCollection.Name)]
public sealed class ArchitectureTimingTests(ITestOutputHelper output)
{
    private const int BatchSize = 8;
    private const int ImageSize = 224;
    private const int MeasuredSteps = 3;
    private const int MeasuredInferences = 5;

    [TimingFact]
    public void Forward_backward_step_at_batch_8_and_224_px()
    {
        set_num_threads(2);
        output.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine($"| network | parameters | float16 MB | train step, batch {BatchSize}: wall s (CPU s) | inference, batch 1: wall ms (CPU ms) |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Measure("EfficientNet-B0 student", new StudentNetwork());
        foreach (var variant in ConvNeXtVariant.All)
            Measure($"ConvNeXt-{variant.Name} + CBAM teacher", new TeacherNetwork(new TeacherNetworkOptions(variant)));
    }

    private void Measure(string name, nn.Module<Tensor, Tensor?, NetworkOutput> network)
    {
        using var _ = network;
        using var images = ModelInputs.Images(BatchSize, ImageSize);
        using var metadata = ModelInputs.Metadata(BatchSize);
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

    /// <summary>
    /// The fastest wall time and the least processor time (all threads) of <paramref name="runs"/> runs after
    /// one warm-up: the machine is shared, so the minimum is the closest to what the code itself costs.
    /// </summary>
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
