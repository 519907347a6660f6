using Hangfire;
using Hangfire.Server;
using Triage.Training.Pipeline;

namespace Triage.Training.Jobs;

/// <summary>Retrains the teacher, distils a student from it and puts the student through the gates.</summary>
public sealed class RetrainTeacherJob(TrainingPipeline pipeline)
{
    public const string RecurringId = "retrain-teacher";

    [Queue(TrainingQueue.Name)]
    [DisableConcurrentExecution(TrainingQueue.LockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Retrain the teacher and re-distil ({0})")]
    public Task RunAsync(string triggeredBy, PerformContext? context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(new PipelineRequest(RetrainTeacher: true, triggeredBy, context?.BackgroundJob.Id), cancellationToken);
}
