using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Training.Corpus;
using Triage.Training.Registry;

namespace Triage.Training.Jobs;

/// <summary>
/// Counts the labelled cases of every source and enqueues a re-distillation when the count has grown by the
/// threshold since the last finished run. Nothing happens before a first run has finished (the schedule
/// starts that one), or while a run is going or waiting.
/// </summary>
public sealed class NewLabelledCasesJob(
    IEnumerable<ILabelledCaseSource> sources,
    TrainingDbContext db,
    IBackgroundJobClient jobs,
    JobStorage storage,
    IOptions<TrainingJobsOptions> options,
    ILogger<NewLabelledCasesJob> logger)
{
    public const string RecurringId = "new-labelled-cases";

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Count new labelled cases")]
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var lastCount = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Succeeded)
            .OrderByDescending(r => r.Id).Select(r => r.CorpusCaseCount).FirstOrDefaultAsync(cancellationToken);
        var busy = await db.TrainingRuns.AnyAsync(r => r.Status == TrainingRunStatus.Running, cancellationToken)
                   || storage.GetMonitoringApi().EnqueuedCount(TrainingQueue.Name) > 0;
        if (lastCount is not { } previous || busy)
        {
            return;
        }

        var count = 0;
        foreach (var source in sources)
        {
            count += await source.CountAsync(cancellationToken);
        }

        var threshold = options.Value.NewCasesThreshold;
        if (count - previous < threshold)
        {
            logger.NewCasesBelowThreshold(count - previous, threshold);
            return;
        }

        var jobId = jobs.Enqueue<RedistillStudentJob>(job => job.RunAsync("new labelled cases", null, CancellationToken.None));
        logger.NewCasesTriggered(count - previous, threshold, jobId);
    }
}
