namespace Triage.Host.Benchmarks;

/// <summary>How long one configuration took per call: the median and the 95th percentile of the timed calls.</summary>
public sealed record InferenceLatency(string Model, string Runtime, string ExecutionProvider, int BatchSize, int Calls, double MedianMs, double P95Ms)
{
    public double ImagesPerSecond => BatchSize * 1000 / MedianMs;

    public static InferenceLatency From(string model, string runtime, string executionProvider, int batchSize, IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new InferenceLatency(model, runtime, executionProvider, batchSize, sorted.Length, Percentiles.Of(sorted, 0.5), Percentiles.Of(sorted, 0.95));
    }
}
