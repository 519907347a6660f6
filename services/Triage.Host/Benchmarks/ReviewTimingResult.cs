using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Triage.Host.Benchmarks;

/// <summary>The review UI's figures: a row per kind of request, what the thumbnail saves over the full photo, and the worklist's weight.</summary>
public sealed record ReviewTimingResult(ReviewTimingSettings Settings, IReadOnlyList<ReviewRequestFigures> Requests, WorklistWeight Worklist)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Machine { get; } = InferenceBenchmarkReport.Machine();

    public DateTime MeasuredAt { get; } = DateTime.UtcNow;

    public bool AllOk => Requests.All(r => r.AllOk);

    /// <summary>How many times the bytes of a warm thumbnail the full photo's are (medians).</summary>
    public double PhotoOverThumbnailBytes => Of(ReviewRequestRounds.FullPhoto).MedianBytes / Of(ReviewRequestRounds.WarmThumbnail).MedianBytes;

    /// <summary>How many times the median time of a warm thumbnail the full photo's is.</summary>
    public double PhotoOverWarmThumbnailTime => Of(ReviewRequestRounds.FullPhoto).MedianMs / Of(ReviewRequestRounds.WarmThumbnail).MedianMs;

    /// <summary>The same against a thumbnail made on request: below 1 when making it costs more than sending the photo.</summary>
    public double PhotoOverColdThumbnailTime => Of(ReviewRequestRounds.FullPhoto).MedianMs / Of(ReviewRequestRounds.ColdThumbnail).MedianMs;

    public ReviewRequestFigures Of(string kind) => Requests.Single(r => r.Kind == kind);

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine}; {MeasuredAt:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Settings.Cases} real cases flagged (model {Path.GetFileName(Settings.ModelPath)}); one signed-in reviewer, one request at a time, " +
            $"one of each kind per round, {Settings.Requests} rounds after 3 warm-up rounds. Cold thumbnail: the first request of each photo " +
            $"(made on the server); warm: from the thumbnail cache.");
        text.AppendLine();
        text.AppendLine("| request | requests | median ms | p95 ms | requests/s | bytes (median) | status |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in Requests)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Kind} | {r.Requests} | {r.MedianMs:F1} | {r.P95Ms:F1} | {r.RequestsPerSecond:F0} | {r.MedianBytes:N0} | {r.Statuses} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Full photo over warm thumbnail: bytes x{PhotoOverThumbnailBytes:F1}, median time x{PhotoOverWarmThumbnailTime:F1}; " +
            $"over cold thumbnail: median time x{PhotoOverColdThumbnailTime:F2}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Worklist page 1: {Worklist.PageBytes:N0} bytes of HTML + {Worklist.Thumbnails} thumbnails ({Worklist.ThumbnailBytes:N0} bytes) = " +
            $"{Worklist.WithThumbnails:N0} bytes; with the full photos instead {Worklist.WithPhotos:N0} bytes (x{(double)Worklist.WithPhotos / Worklist.WithThumbnails:F1}).");
        if (!AllOk)
        {
            text.AppendLine("Not every request was answered 200: see the status column.");
        }

        return text.ToString();
    }

    public async Task WriteJsonAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.Create();
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }
}
