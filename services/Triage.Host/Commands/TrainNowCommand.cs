using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Triage.Training.Jobs;
using Triage.Training.Registry;

namespace Triage.Host.Commands;

/// <summary>
/// <c>train-now [--teacher] [settings]</c>: starts the embedded host, enqueues one training run on its Hangfire
/// training queue (as the dashboard's "Trigger now" does), waits for it and prints how it ended. Other arguments
/// go to configuration, e.g. <c>--Training:Pipeline:StudentEpochs 5</c>. Exit code 0 when the run succeeded
/// (promoted or kept as challenger), 1 when it failed.
/// </summary>
internal static class TrainNowCommand
{
    public static Command Create()
    {
        var teacher = new Option<bool>("--teacher") { Description = "Retrain the teacher first (otherwise the latest registered teacher is distilled)." };
        var command = new Command("train-now", "Run the training pipeline once now, through the Hangfire training queue.") { teacher };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var app = TrainingCommandHost.Build(parse.UnmatchedTokens);
            await app.StartAsync(cancellationToken);
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var runs = scope.ServiceProvider.GetRequiredService<ManualTrainingRuns>();
                var jobId = runs.Enqueue(parse.GetValue(teacher), $"command line ({Environment.UserName})");
                await output.WriteLineAsync($"training job {jobId} enqueued; progress is logged (events 3010-3015)");
                var state = await runs.WaitAsync(jobId, cancellationToken);
                var run = await scope.ServiceProvider.GetRequiredService<TrainingDbContext>().TrainingRuns.AsNoTracking()
                    .OrderByDescending(r => r.Id).FirstOrDefaultAsync(r => r.JobId == jobId, cancellationToken);
                await output.WriteLineAsync(run is null
                    ? $"job {jobId}: {state}, no run recorded"
                    : $"run {run.Id} (job {jobId}): {run.Status}, {run.Outcome ?? $"step {run.FailedStep}: {run.FailureReason}"}; corpus {run.CorpusHash} ({run.CorpusCaseCount} cases)");
                return run?.Status == TrainingRunStatus.Succeeded ? 0 : 1;
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }
        });
        return command;
    }
}
