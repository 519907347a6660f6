namespace Triage.Host.Benchmarks;

/// <summary>One kind of review request, timed: the median and 95th percentile, and the bytes of its answers.</summary>
/// <param name="Statuses">The HTTP statuses answered, e.g. "200", or "200, 302" when some were not OK.</param>
public sealed record ReviewRequestFigures(string Kind, int Requests, double MedianMs, double P95Ms, double MedianBytes, string Statuses)
{
    /// <summary>For one client asking one request at a time.</summary>
    public double RequestsPerSecond => 1000 / MedianMs;

    public bool AllOk => Statuses == "200";

    /// <param name="responses">At least one.</param>
    public static ReviewRequestFigures From(string kind, IReadOnlyList<TimedResponse> responses)
    {
        var milliseconds = responses.Select(r => r.Milliseconds).Order().ToArray();
        var bytes = responses.Select(r => (double)r.Bytes).Order().ToArray();
        var statuses = string.Join(", ", responses.Select(r => r.Status).Distinct().Order());
        return new ReviewRequestFigures(kind, responses.Count, Percentiles.Of(milliseconds, 0.5), Percentiles.Of(milliseconds, 0.95), Percentiles.Of(bytes, 0.5), statuses);
    }
}

/// <summary>The first worklist page and the thumbnails it shows, against the same page showing the full photos.</summary>
public sealed record WorklistWeight(long PageBytes, int Thumbnails, long ThumbnailBytes, long PhotoBytes)
{
    public long WithThumbnails => PageBytes + ThumbnailBytes;

    public long WithPhotos => PageBytes + PhotoBytes;
}
