using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Training.Corpus;
using Triage.Training.Registry;

namespace Triage.Training.Jobs;

/// <summary>
/// Counts the labelled cases of every source and enqueues a re-distillation when the count has grown by the
/// threshold since the last finished run. Runs on a schedule and whenever a case is labelled (<see cref="CaseLabelledConsumer"/>). Nothing happens before a first run has finished (the schedule
/// starts that one), or while a training job is processing or queued.
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

    /// <summary>The queue of the check: Hangfire's default one, served by its own worker beside the training queue.</summary>
    public const string Queue = "default";

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Count new labelled cases")]
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var lastCount = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Succeeded)
            .OrderByDescending(r => r.Id).Select(r => r.CorpusCaseCount).FirstOrDefaultAsync(cancellationToken);
        if (lastCount is not { } previous || TrainingQueued())
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

    /// <summary>Asked of Hangfire rather than of the runs table: a run whose host died stays "running" there, and
    /// would otherwise block the trigger for good.</summary>
    private bool TrainingQueued()
    {
        var monitoring = storage.GetMonitoringApi();
        return monitoring.EnqueuedCount(TrainingQueue.Name) > 0
               || monitoring.ProcessingJobs(0, 100).Any(job => job.Value.Job?.Type == typeof(RedistillStudentJob) || job.Value.Job?.Type == typeof(RetrainTeacherJob));
    }
}
