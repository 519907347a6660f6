using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Cases;
using Triage.Data.Images;
using Triage.Data.Results;
using Triage.Domain.Cases;
using Triage.Review;
using Triage.Review.Worklist;

namespace Triage.Benchmarks;

/// <summary>
/// The first worklist page on a real SQLite file with 60 cases waiting and a review history of <see cref="Decided"/>
/// cases: the waiting worklist (what reviewers open) and the done filter (paged in SQL) against the all-cases filter (the
/// baseline: it reads the whole history, as every worklist page did before decided cases were read only when shown).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WorklistBenchmarkConfig))]
public class WorklistBenchmarks
{
    private const int Waiting = 60;
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private string _folder = null!;
    private TriageDbContext _db = null!;
    private WorklistQuery _query = null!;

    [Params(1_000, 10_000)]
    public int Decided { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("worklist-benchmark").FullName;
        _db = new TriageDbContext(new DbContextOptionsBuilder<TriageDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "triage.db")}").Options);
        _db.Database.Migrate();
        var image = new StoredImage { Id = Guid.NewGuid(), Sha256 = "benchmark", ContentType = "image/png", Content = [1], ReceivedAt = Now };
        _db.Images.Add(image);
        for (var i = 0; i < Waiting + Decided; i++)
        {
            AddFlagged(image.Id, i, decided: i >= Waiting);
        }

        _db.SaveChanges();
        _db.ChangeTracker.Clear();
        _query = new WorklistQuery(_db, Options.Create(new ReviewUiOptions()), new FixedClock(Now));
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<WorklistPage> AllCases() => _query.RunAsync(new WorklistFilter(WorklistStatus.All), CancellationToken.None);

    [Benchmark]
    public Task<WorklistPage> WaitingCases() => _query.RunAsync(new WorklistFilter(WorklistStatus.Waiting), CancellationToken.None);

    [Benchmark]
    public Task<WorklistPage> DoneCases() => _query.RunAsync(new WorklistFilter(WorklistStatus.Done), CancellationToken.None);

    private void AddFlagged(Guid imageId, int index, bool decided)
    {
        var flaggedAt = Now.AddMinutes(-index);
        var @case = new TriageCase { Id = Guid.NewGuid(), PatientId = $"p{index}", MediaId = $"m{index}", ImageId = imageId, ReceivedAt = flaggedAt, UpdatedAt = flaggedAt };
        @case.MoveTo(CaseStatus.Queued, flaggedAt);
        @case.MoveTo(CaseStatus.Classified, flaggedAt);
        @case.FlagForReview($"task-{index}", flaggedAt);
        if (decided)
        {
            @case.TryClaim("dr.ana", flaggedAt, flaggedAt.AddMinutes(5));
            @case.CompleteReview("dr.ana", flaggedAt.AddMinutes(1));
        }

        _db.Cases.Add(@case);
        _db.CaseResults.Add(new CaseResult
        {
            CaseId = @case.Id, DecidedBy = "student", SuggestedDiagnosis = "MEL", CancerProbability = index % 10 / 10.0,
            StudentModel = "student 1.0.0", CompletedAt = flaggedAt,
        });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>In process (one SQLite file made once per parameter), a few iterations: each page takes milliseconds.</summary>
public sealed class WorklistBenchmarkConfig : ManualConfig
{
    public WorklistBenchmarkConfig() =>
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false))
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15));
}
