using Triage.Host.Benchmarks;

namespace Triage.Host.Tests.Benchmarks;

public class InferenceLatencyTests
{
    [Fact]
    public void Median_and_95th_percentile_interpolate_between_ranks()
    {
        var latency = InferenceLatency.From("student", InferenceBenchmark.OnnxRuntime, "CPU", 8, [40, 10, 30, 20, 100]);

        latency.MedianMs.Should().Be(30);
        latency.P95Ms.Should().BeApproximately(88, 1e-9); // rank 3.8: 40 + 0.8 * (100 - 40)
        latency.ImagesPerSecond.Should().BeApproximately(8 * 1000 / 30.0, 1e-9);
    }

    [Fact]
    public void Ratios_compare_each_runtime_with_onnx_runtime_on_the_cpu_at_the_same_batch_size()
    {
        InferenceLatency[] results =
        [
            new("student", InferenceBenchmark.OnnxRuntime, "CPU", 1, 10, 5, 12),
            new("student", InferenceBenchmark.OnnxRuntime, "CUDA", 1, 10, 2, 3),
            new("student", InferenceBenchmark.TorchSharp, "CPU", 1, 10, 15, 20),
            new("student", InferenceBenchmark.TorchSharp, "CPU", 8, 10, 80, 90),
        ];

        InferenceBenchmarkReport.Ratios(results).Should().BeEquivalentTo(new[]
        {
            ("student", 1, "TorchSharp CPU / ONNX Runtime CPU", 3.0),
            ("student", 1, "ONNX Runtime CPU / ONNX Runtime CUDA", 2.5),
        });
    }

    [Fact]
    public void Calls_timed_in_turns_each_get_every_round()
    {
        var order = new List<string>();
        var times = new InferenceTimer(warmUpRounds: 1, timedRounds: 3).TimeInTurns([() => order.Add("a"), () => order.Add("b")]);

        order.Should().Equal("a", "b", "a", "b", "a", "b", "a", "b");
        times.Should().HaveCount(2).And.OnlyContain(t => t.Length == 3 && t.All(ms => ms >= 0));
    }
}
