using Hangfire;
using Hangfire.Server;
using Triage.Training.Pipeline;

namespace Triage.Training.Jobs;

/// <summary>Distils a new student from the latest teacher and puts it through the gates.</summary>
public sealed class RedistillStudentJob(TrainingPipeline pipeline)
{
    public const string RecurringId = "redistill-student";

    [Queue(TrainingQueue.Name)]
    [DisableConcurrentExecution(TrainingQueue.LockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Re-distil the student ({0})")]
    public Task RunAsync(string triggeredBy, PerformContext? context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(new PipelineRequest(RetrainTeacher: false, triggeredBy, context?.BackgroundJob.Id), cancellationToken);
}
