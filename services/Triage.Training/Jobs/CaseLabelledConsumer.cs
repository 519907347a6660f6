using Hangfire;
using MassTransit;
using Microsoft.Extensions.Logging;
using Triage.Contracts;

namespace Triage.Training.Jobs;

/// <summary>
/// Runs the new-case check as soon as review labels a case, rather than at the next scheduled check (which stays, for
/// labels whose message was lost to a broker outage). A burst of labels enqueues one check, not one per case.
/// </summary>
public sealed class CaseLabelledConsumer(IBackgroundJobClient jobs, JobStorage storage, ILogger<CaseLabelledConsumer> logger)
    : IConsumer<CaseLabelled>
{
    public Task Consume(ConsumeContext<CaseLabelled> context)
    {
        if (storage.GetMonitoringApi().EnqueuedCount(NewLabelledCasesJob.Queue) > 0)
        {
            return Task.CompletedTask;
        }

        var jobId = jobs.Enqueue<NewLabelledCasesJob>(NewLabelledCasesJob.Queue, job => job.CheckAsync(CancellationToken.None));
        logger.NewCaseCheckEnqueued(context.Message.CaseId, context.Message.Source, jobId);
        return Task.CompletedTask;
    }
}
