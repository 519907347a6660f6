namespace Triage.Host.Benchmarks;

/// <summary>How long one configuration took per call: the median and the 95th percentile of the timed calls.</summary>
public sealed record InferenceLatency(string Model, string Runtime, string ExecutionProvider, int BatchSize, int Calls, double MedianMs, double P95Ms)
{
    public double ImagesPerSecond => BatchSize * 1000 / MedianMs;

    public static InferenceLatency From(string model, string runtime, string executionProvider, int batchSize, IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new InferenceLatency(model, runtime, executionProvider, batchSize, sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.95));
    }

    // Linear interpolation between the closest ranks.
    private static double Percentile(double[] sorted, double fraction)
    {
        var rank = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
