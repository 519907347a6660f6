using System.Globalization;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Benchmarks;

/// <summary>
/// The review UI as a dermatologist meets it: the embedded host with every case flagged, real cases posted over FHIR,
/// then the development reviewer's pages, thumbnails and photos requested in turns (<see cref="ReviewRequestRounds"/>).
/// </summary>
public sealed class ReviewTiming(ReviewTimingSettings settings, TextWriter progress)
{
    private const int WarmUpRounds = 3;

    public async Task<ReviewTimingResult> RunAsync(IReadOnlyList<PadUfes20Case> cases, CancellationToken cancellationToken)
    {
        await using var host = await LoadTestHost.StartAsync(settings.HostSettings());
        using (var fhir = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) })
        {
            var posted = await new CaseLoad(fhir, TimeSpan.FromMilliseconds(20), TimeSpan.FromMinutes(5))
                .RunAsync(cases, settings.Cases, settings.Concurrency, "time-review", cancellationToken);
            progress.WriteLine($"time-review: posted {posted.Cases} cases over FHIR in {posted.Seconds:F1} s");
        }

        using var session = await ReviewerHttpSession.SignInAsync(
            host.Address, ReviewTimingSettings.DevelopmentUserName, ReviewTimingSettings.DevelopmentPassword, cancellationToken);
        progress.WriteLine($"time-review: signed in as {ReviewTimingSettings.DevelopmentUserName}");
        await WaitUntilFlaggedAsync(session, cancellationToken);
        var reviewed = await ReviewedCasesAsync(session, cancellationToken);
        progress.WriteLine($"time-review: {reviewed.Count} cases on the worklist; {WarmUpRounds} warm-up rounds, then {settings.Requests} timed rounds");

        var times = await new ReviewRequestRounds(session, progress).RunAsync(reviewed, WarmUpRounds, settings.Requests, cancellationToken);
        var weight = await WorklistWeightAsync(session, reviewed, cancellationToken);
        return new ReviewTimingResult(settings, [.. ReviewRequestRounds.Kinds.Select(kind => ReviewRequestFigures.From(kind, times[kind]))], weight);
    }

    private async Task WaitUntilFlaggedAsync(ReviewerHttpSession session, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var flagged = ReviewPageLinks.MatchingCases(await session.GetPageAsync(ReviewedCase.Worklist, cancellationToken));
            if (flagged >= settings.Cases)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{flagged} of the {settings.Cases} cases posted were on the worklist after a minute ({ReviewTimingSettings.FlagEverything} flags every case).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Every flagged case, page by page through the worklist, with the photo its case page shows.</summary>
    private static async Task<IReadOnlyList<ReviewedCase>> ReviewedCasesAsync(ReviewerHttpSession session, CancellationToken cancellationToken)
    {
        var cases = new List<ReviewedCase>();
        for (var page = 1; ; page++)
        {
            var worklist = await session.GetPageAsync(string.Create(CultureInfo.InvariantCulture, $"{ReviewedCase.Worklist}?pageNumber={page}"), cancellationToken);
            var rows = ReviewPageLinks.Rows(worklist);
            foreach (var row in rows)
            {
                var photo = ReviewPageLinks.Photo(await session.GetPageAsync(row.CasePage, cancellationToken));
                cases.Add(new ReviewedCase(row.CasePage, row.Thumbnail, photo));
            }

            // A page number past the last shows the last page again.
            if (rows.Count == 0 || cases.Count >= ReviewPageLinks.MatchingCases(worklist))
            {
                return cases;
            }
        }
    }

    /// <summary>What the first worklist page weighs with the thumbnails it shows, and what it would with the full photos instead.</summary>
    private static async Task<WorklistWeight> WorklistWeightAsync(
        ReviewerHttpSession session, IReadOnlyList<ReviewedCase> reviewed, CancellationToken cancellationToken)
    {
        var page = await session.TimeAsync(ReviewedCase.Worklist, cancellationToken);
        var rows = ReviewPageLinks.Rows(await session.GetPageAsync(ReviewedCase.Worklist, cancellationToken));
        long thumbnailBytes = 0, photoBytes = 0;
        foreach (var row in rows)
        {
            thumbnailBytes += (await session.TimeAsync(row.Thumbnail, cancellationToken)).Bytes;
            photoBytes += (await session.TimeAsync(reviewed.First(c => c.CasePage == row.CasePage).Photo, cancellationToken)).Bytes;
        }

        return new WorklistWeight(page.Bytes, rows.Count, thumbnailBytes, photoBytes);
    }
}

public sealed record ReviewTimingSettings(string ModelPath, int Cases, int Requests, int Concurrency)
{
    /// <summary>The account <c>services/Triage.Review/review.defaults.json</c> ships for development.</summary>
    public const string DevelopmentUserName = "dev.reviewer";

    public const string DevelopmentPassword = "review-locally";

    /// <summary>A case is flagged when its top probability is below the minimum confidence: below 1, all are.</summary>
    public const string FlagEverything = "--Intake:Review:MinimumConfidence 1";

    public IEnumerable<string> HostSettings() =>
    [
        "--Inference:ModelPath", ModelPath,
        "--Inference:ExecutionProvider", "Cpu",
        .. FlagEverything.Split(' '),
    ];
}
