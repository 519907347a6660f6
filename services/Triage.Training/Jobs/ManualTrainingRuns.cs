using Hangfire;
using Hangfire.States;

namespace Triage.Training.Jobs;

/// <summary>Starts a training run now, as the dashboard's "Trigger now" does, and waits for it to end.</summary>
public sealed class ManualTrainingRuns(IBackgroundJobClient jobs, JobStorage storage)
{
    /// <returns>The Hangfire job id.</returns>
    public string Enqueue(bool retrainTeacher, string triggeredBy) => retrainTeacher
        ? jobs.Enqueue<RetrainTeacherJob>(job => job.RunAsync(triggeredBy, null, CancellationToken.None))
        : jobs.Enqueue<RedistillStudentJob>(job => job.RunAsync(triggeredBy, null, CancellationToken.None));

    /// <summary>Polls the job until it has succeeded, failed or been deleted; returns that state's name.</summary>
    public async Task<string> WaitAsync(string jobId, CancellationToken cancellationToken)
    {
        while (true)
        {
            using (var connection = storage.GetConnection())
            {
                var state = connection.GetStateData(jobId)?.Name;
                if (state == SucceededState.StateName || state == FailedState.StateName || state == DeletedState.StateName)
                {
                    return state!;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
