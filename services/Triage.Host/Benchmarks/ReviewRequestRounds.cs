namespace Triage.Host.Benchmarks;

/// <summary>
/// Times the review UI's requests in turns, one of each kind per round, so that whatever else the machine is doing slows
/// them alike and their ratios hold. The first case's thumbnail is made during the untimed warm-up rounds; every other
/// case's thumbnail is requested once cold (made on the server), in the first rounds, before any warm request of it.
/// </summary>
public sealed class ReviewRequestRounds(ReviewerHttpSession session, TextWriter progress)
{
    public const string WorklistPage = "worklist page";
    public const string CasePage = "case page";
    public const string ColdThumbnail = "thumbnail, cold";
    public const string WarmThumbnail = "thumbnail, warm";
    public const string FullPhoto = "full photo";

    public static IReadOnlyList<string> Kinds { get; } = [WorklistPage, CasePage, ColdThumbnail, WarmThumbnail, FullPhoto];

    /// <param name="cases">At least two: one warms the server up, the others give the cold thumbnails.</param>
    /// <returns>The timed responses of each kind, in <see cref="Kinds"/> order.</returns>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TimedResponse>>> RunAsync(
        IReadOnlyList<ReviewedCase> cases, int warmUpRounds, int timedRounds, CancellationToken cancellationToken)
    {
        for (var round = 0; round < warmUpRounds; round++)
        {
            foreach (var path in new[] { ReviewedCase.Worklist, cases[0].CasePage, cases[0].Thumbnail, cases[0].Photo })
            {
                await session.TimeAsync(path, cancellationToken);
            }
        }

        var times = Kinds.ToDictionary(kind => kind, _ => new List<TimedResponse>());
        var cached = new List<ReviewedCase> { cases[0] };
        for (var round = 0; round < timedRounds; round++)
        {
            var shown = cases[round % cases.Count];
            times[WorklistPage].Add(await session.TimeAsync(ReviewedCase.Worklist, cancellationToken));
            times[CasePage].Add(await session.TimeAsync(shown.CasePage, cancellationToken));
            if (round + 1 < cases.Count)
            {
                var uncached = cases[round + 1];
                times[ColdThumbnail].Add(await session.TimeAsync(uncached.Thumbnail, cancellationToken));
                cached.Add(uncached);
            }

            times[WarmThumbnail].Add(await session.TimeAsync(cached[round % cached.Count].Thumbnail, cancellationToken));
            times[FullPhoto].Add(await session.TimeAsync(shown.Photo, cancellationToken));
            ReportProgress(round + 1, timedRounds);
        }

        return times.ToDictionary(kind => kind.Key, kind => (IReadOnlyList<TimedResponse>)kind.Value);
    }

    private void ReportProgress(int done, int total)
    {
        if (done == total || done % Math.Max(1, total / 10) == 0)
        {
            progress.WriteLine($"time-review: {done}/{total} rounds");
        }
    }
}

/// <summary>A flagged case as the review UI links it: its case page, its worklist thumbnail and the full photo the case page shows.</summary>
public sealed record ReviewedCase(string CasePage, string Thumbnail, string Photo)
{
    public const string Worklist = "/review";
}
