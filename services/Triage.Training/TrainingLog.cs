using Microsoft.Extensions.Logging;

namespace Triage.Training;

/// <summary>Log messages of training, the registry and promotion (event ids 3000-3099). No patient data.</summary>
internal static partial class TrainingLog
{
    [LoggerMessage(3000, LogLevel.Information, "Model registry ready at {DataSource}; {Applied} migration(s) applied")]
    public static partial void RegistryReady(this ILogger logger, string dataSource, int applied);

    [LoggerMessage(3001, LogLevel.Information, "Training schedule: student {StudentCron}, teacher {TeacherCron}, new-case check {CheckCron} (UTC); Hangfire storage {Storage}")]
    public static partial void ScheduleRegistered(this ILogger logger, string studentCron, string teacherCron, string checkCron, string storage);

    [LoggerMessage(3010, LogLevel.Information, "Training run {RunId} started (job {JobId}, retrain teacher {RetrainTeacher}, by {TriggeredBy})")]
    public static partial void RunStarted(this ILogger logger, int runId, string? jobId, bool retrainTeacher, string triggeredBy);

    [LoggerMessage(3011, LogLevel.Information, "Training run {RunId}: step {Step} started")]
    public static partial void StepStarted(this ILogger logger, int runId, string step);

    [LoggerMessage(3012, LogLevel.Information, "Training run {RunId}: step {Step} finished in {Seconds:F1} s")]
    public static partial void StepFinished(this ILogger logger, int runId, string step, double seconds);

    [LoggerMessage(3013, LogLevel.Error, "Training run {RunId}: step {Step} failed: {Reason}; the champion is unchanged")]
    public static partial void StepFailed(this ILogger logger, int runId, string step, string reason, Exception exception);

    [LoggerMessage(3014, LogLevel.Information, "Training run {RunId} finished: {Outcome}")]
    public static partial void RunFinished(this ILogger logger, int runId, string outcome);

    [LoggerMessage(3015, LogLevel.Information, "Training run {RunId}: {Progress}")]
    public static partial void TrainingProgress(this ILogger logger, int runId, string progress);

    [LoggerMessage(3016, LogLevel.Warning, "Resident memory {ResidentMegabytes} MB is over the training bound of {LimitMegabytes} MB: the training run is stopped")]
    public static partial void MemoryBoundExceeded(this ILogger logger, long residentMegabytes, int limitMegabytes);

    [LoggerMessage(3020, LogLevel.Information, "{NewCases} new labelled case(s) since the last run (threshold {Threshold}): re-distillation enqueued as job {JobId}")]
    public static partial void NewCasesTriggered(this ILogger logger, int newCases, int threshold, string jobId);

    [LoggerMessage(3021, LogLevel.Debug, "{NewCases} new labelled case(s) since the last run (threshold {Threshold}); nothing to do")]
    public static partial void NewCasesBelowThreshold(this ILogger logger, int newCases, int threshold);

    [LoggerMessage(3029, LogLevel.Debug, "Case {CaseId} labelled ({Source}): new-case check enqueued as job {JobId}")]
    public static partial void NewCaseCheckEnqueued(this ILogger logger, Guid caseId, string source, string jobId);
}
