using Microsoft.EntityFrameworkCore;
using Triage.Ml.PadUfes20;
using Triage.Training.Jobs;
using Triage.Training.Registry;

namespace Triage.Host.Benchmarks;

/// <summary>
/// Serving while the same host trains: one embedded host, a training run started through its Hangfire training queue
/// (as <c>train-now --teacher</c> does, on the posted folder as seed corpus), and rounds of concurrent FHIR posts while
/// the run goes; then as many rounds after it ended. Only rounds that finished before the run did count as "while
/// training", so the two sets of latencies come from the same process, minutes apart.
/// </summary>
public sealed class LoadDuringTraining(LoadTestSettings settings, string seedFolder, TextWriter progress)
{
    public async Task<LoadDuringTrainingResult> RunAsync(IReadOnlyList<PadUfes20Case> cases, CancellationToken cancellationToken)
    {
        var maxBatchSize = settings.MaxBatchSizes[0];
        var withSeed = settings with { HostConfiguration = ["--Training:Corpus:SeedFolder", seedFolder, .. settings.HostConfiguration] };
        await using var host = await LoadTestHost.StartAsync(withSeed.HostSettings(maxBatchSize));
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
        var load = new CaseLoad(client, settings.PollingInterval, TimeSpan.FromMinutes(5));
        var posted = cases.Take(settings.Cases).ToList();
        await load.RunAsync(posted, Math.Min(4, settings.Cases), 2, "warm-up", cancellationToken);

        await using var scope = host.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<ManualTrainingRuns>();
        var jobId = runs.Enqueue(retrainTeacher: true, "load-test");
        progress.WriteLine($"training job {jobId} enqueued; posting {settings.Cases} cases a round, {settings.Concurrency} clients at once, until it ends");
        var training = runs.WaitAsync(jobId, cancellationToken);
        var during = new List<CaseLoadResult>();
        var peakResident = Environment.WorkingSet;
        while (!training.IsCompleted)
        {
            var round = await load.RunAsync(posted, settings.Cases, settings.Concurrency, $"during-{during.Count}", cancellationToken);
            peakResident = Math.Max(peakResident, Environment.WorkingSet);
            if (!training.IsCompleted)
            {
                during.Add(round);
            }
        }

        await training;
        var run = await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().TrainingRuns.AsNoTracking()
            .OrderByDescending(r => r.Id).FirstAsync(r => r.JobId == jobId, cancellationToken);
        progress.WriteLine($"training run {run.Id}: {run.Status}, {run.Outcome ?? $"step {run.FailedStep}: {run.FailureReason}"}, " +
                           $"{(run.FinishedAt - run.StartedAt)?.TotalSeconds:F0} s; {during.Count} round(s) finished while it ran; " +
                           $"resident memory sampled between rounds peaked at {peakResident / (1024 * 1024)} MB; {MemoryStep(run)}");

        var after = new List<CaseLoadResult>();
        for (var round = 0; round < Math.Max(1, during.Count); round++)
        {
            after.Add(await load.RunAsync(posted, settings.Cases, settings.Concurrency, $"after-{round}", cancellationToken));
        }

        return new LoadDuringTrainingResult(settings, maxBatchSize, run, LoadRounds.Of(during), LoadRounds.Of(after));
    }

    private static string MemoryStep(TrainingRunRecord run) =>
        System.Text.Json.Nodes.JsonNode.Parse(run.StepsJson)?.AsArray().FirstOrDefault(step => (string?)step?["step"] == "memory") is { } memory
            ? $"memory step {memory.ToJsonString()}"
            : "no memory step recorded";
}
