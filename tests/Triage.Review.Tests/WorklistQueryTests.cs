using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Cases;
using Triage.Data.Images;
using Triage.Data.Results;
using Triage.Domain.Cases;
using Triage.Domain.Diagnoses;
using Triage.Review.Worklist;
using Triage.Testing;

namespace Triage.Review.Tests;

/// <summary>
/// The worklist on a real SQLite database: each status filter shows its cases, most urgent first, and the counts of
/// open, in review and done are the same whichever filter is shown; decided cases are filtered and paged newest decision
/// first (in SQL).
/// </summary>
public sealed class WorklistQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = TestPaths.NewTempFolder("worklist");
    private TriageDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = new TriageDbContext(new DbContextOptionsBuilder<TriageDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "triage.db")}").Options);
        await _db.Database.MigrateAsync();
        Add("open-low", 0.20);
        Add("open-high", 0.90);
        Add("in-review", 0.50, claimedBy: "dr.ana");
        Add("done-1", 0.70, reviewedBy: "dr.ana", reviewedAt: Now.AddHours(-3));
        Add("done-2", 0.30, reviewedBy: "dr.rui", reviewedAt: Now.AddHours(-1));
        Add("done-old", 0.60, reviewedBy: "dr.ana", reviewedAt: Now.AddDays(-9), flaggedAt: Now.AddDays(-10), suggested: "BCC");
        await _db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(WorklistStatus.Waiting, new[] { "open-high", "in-review", "open-low" })]
    [InlineData(WorklistStatus.Open, new[] { "open-high", "open-low" })]
    [InlineData(WorklistStatus.InReview, new[] { "in-review" })]
    [InlineData(WorklistStatus.Done, new[] { "done-2", "done-1", "done-old" })]
    [InlineData(WorklistStatus.All, new[] { "open-high", "done-1", "done-old", "in-review", "done-2", "open-low" })]
    public async Task Each_filter_shows_its_cases_most_urgent_first_with_the_same_counts(WorklistStatus status, string[] expected)
    {
        var query = new WorklistQuery(_db, Options.Create(new ReviewUiOptions()), new FixedClock(Now));

        var page = await query.RunAsync(new WorklistFilter(status), CancellationToken.None);

        page.Entries.Select(e => _db.Cases.Single(c => c.Id == e.CaseId).MediaId).Should().Equal(expected);
        (page.Open, page.InReview, page.Done).Should().Be((2, 1, 3));
        page.Matching.Should().Be(expected.Length);
    }

    [Theory]
    [InlineData(null, CaseAge.Any, new[] { "done-2", "done-1", "done-old" })]
    [InlineData("BCC", CaseAge.Any, new[] { "done-old" })]
    [InlineData("MEL", CaseAge.Today, new[] { "done-2", "done-1" })]
    [InlineData(null, CaseAge.ThisWeek, new[] { "done-2", "done-1" })]
    [InlineData(null, CaseAge.OlderThanAWeek, new[] { "done-old" })]
    public async Task Decided_cases_are_filtered_and_paged_newest_decision_first(string? suggested, CaseAge age, string[] expected)
    {
        var query = new WorklistQuery(_db, Options.Create(new ReviewUiOptions { PageSize = 1 }), new FixedClock(Now));
        Diagnosis? diagnosis = suggested is null ? null : Enum.Parse<Diagnosis>(suggested);
        List<string> seen = [];

        for (var number = 1; number <= expected.Length + 1; number++)
        {
            var page = await query.RunAsync(new WorklistFilter(WorklistStatus.Done, diagnosis, age, number), CancellationToken.None);
            page.PageCount.Should().Be(expected.Length);
            page.Matching.Should().Be(expected.Length);
            page.Page.Should().Be(Math.Min(number, expected.Length), "a page past the last shows the last");
            seen.AddRange(page.Entries.Select(e => _db.Cases.Single(c => c.Id == e.CaseId).MediaId));
        }

        seen.Should().Equal([.. expected, expected[^1]]);
    }

    private void Add(
        string name, double cancerProbability, string? claimedBy = null, string? reviewedBy = null, DateTimeOffset? reviewedAt = null,
        DateTimeOffset? flaggedAt = null, string suggested = "MEL")
    {
        var flagged = flaggedAt ?? Now.AddHours(-5);
        var image = new StoredImage { Id = Guid.NewGuid(), Sha256 = name, ContentType = "image/png", Content = [1], ReceivedAt = flagged };
        _db.Images.Add(image);
        var @case = new TriageCase { Id = Guid.NewGuid(), PatientId = "p", MediaId = name, ImageId = image.Id, ReceivedAt = flagged, UpdatedAt = flagged };
        @case.MoveTo(CaseStatus.Queued, flagged);
        @case.MoveTo(CaseStatus.Classified, flagged);
        @case.FlagForReview($"task-{name}", flagged);
        if (claimedBy is not null)
        {
            @case.TryClaim(claimedBy, Now.AddMinutes(-1), Now.AddMinutes(10)).Should().BeTrue();
        }

        if (reviewedBy is not null)
        {
            @case.TryClaim(reviewedBy, reviewedAt!.Value, reviewedAt.Value.AddMinutes(5)).Should().BeTrue();
            @case.CompleteReview(reviewedBy, reviewedAt.Value);
        }

        _db.Cases.Add(@case);
        _db.CaseResults.Add(new CaseResult
        {
            CaseId = @case.Id, DecidedBy = "student", SuggestedDiagnosis = suggested, CancerProbability = cancerProbability, StudentModel = "student 1.0.0",
            CompletedAt = flagged,
        });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
