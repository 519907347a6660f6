namespace Triage.Host.Benchmarks;

/// <summary>Percentiles of timed samples, by linear interpolation between the closest ranks.</summary>
public static class Percentiles
{
    /// <param name="sorted">The samples in ascending order (at least one).</param>
    /// <param name="fraction">0.5 for the median, 0.95 for the 95th percentile.</param>
    public static double Of(IReadOnlyList<double> sorted, double fraction)
    {
        var rank = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
