using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Triage.Training.Jobs;

/// <summary>Registers (or updates) the recurring training jobs from configuration when the host starts.</summary>
internal sealed class RecurringTrainingSchedule(
    IRecurringJobManager recurring, JobStorage storage, IOptions<TrainingJobsOptions> options, ILogger<RecurringTrainingSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var schedule = options.Value;
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<RedistillStudentJob>(
            RedistillStudentJob.RecurringId, TrainingQueue.Name, job => job.RunAsync("schedule", null, CancellationToken.None), schedule.StudentCron, utc);
        recurring.AddOrUpdate<RetrainTeacherJob>(
            RetrainTeacherJob.RecurringId, TrainingQueue.Name, job => job.RunAsync("schedule", null, CancellationToken.None), schedule.TeacherCron, utc);
        recurring.AddOrUpdate<NewLabelledCasesJob>(
            NewLabelledCasesJob.RecurringId, job => job.CheckAsync(CancellationToken.None), schedule.NewCasesCheckCron, utc);
        logger.ScheduleRegistered(schedule.StudentCron, schedule.TeacherCron, schedule.NewCasesCheckCron, storage.ToString() ?? storage.GetType().Name);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
