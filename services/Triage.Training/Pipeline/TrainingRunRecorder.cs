using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Triage.Training.Memory;
using Triage.Training.Registry;

namespace Triage.Training.Pipeline;

/// <summary>
/// Writes a run's progress to its <see cref="TrainingRunRecord"/> as it goes: each finished step with its figures,
/// and the step and reason that ended it when one fails or it is cancelled. A step cancelled because the process
/// went over its memory bound fails with that reason.
/// </summary>
public sealed class TrainingRunRecorder(TrainingDbContext db, TimeProvider clock, ResidentMemoryWatch memoryWatch, ILogger<TrainingRunRecorder> logger)
{
    private readonly JsonArray _steps = [];

    public TrainingRunRecord Run { get; private set; } = null!;

    public async Task StartAsync(string? jobId, bool retrainTeacher, string triggeredBy, CancellationToken cancellationToken)
    {
        Run = new TrainingRunRecord
        {
            JobId = jobId, RetrainTeacher = retrainTeacher, TriggeredBy = triggeredBy, Status = TrainingRunStatus.Running, StartedAt = clock.GetUtcNow(),
        };
        db.TrainingRuns.Add(Run);
        await db.SaveChangesAsync(cancellationToken);
        logger.RunStarted(Run.Id, jobId, retrainTeacher, triggeredBy);
    }

    /// <summary>Runs one step; what it returns is recorded as its figures.</summary>
    /// <exception cref="TrainingStepFailedException">The step threw; the run is recorded as failed.</exception>
    public async Task<T> StepAsync<T>(string step, Func<Task<(T Result, JsonObject Figures)>> work, CancellationToken cancellationToken)
    {
        logger.StepStarted(Run.Id, step);
        var clock = Stopwatch.StartNew();
        try
        {
            var (result, figures) = await work();
            figures["step"] = step;
            figures["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2);
            _steps.Add(figures);
            Run.StepsJson = _steps.ToJsonString();
            await db.SaveChangesAsync(cancellationToken);
            logger.StepFinished(Run.Id, step, clock.Elapsed.TotalSeconds);
            return result;
        }
        catch (OperationCanceledException stopped) when (memoryWatch.Overrun is { } overrun)
        {
            throw await FailAsync(step, overrun, stopped);
        }
        catch (OperationCanceledException)
        {
            await EndAsync(TrainingRunStatus.Cancelled, step, "cancelled");
            throw;
        }
        catch (Exception failure)
        {
            throw await FailAsync(step, failure is TrainingStepFailedException stepFailure ? stepFailure.Reason : failure.Message, failure);
        }
    }

    public async Task SucceedAsync(string outcome, CancellationToken cancellationToken)
    {
        Run.Outcome = outcome;
        Run.Status = TrainingRunStatus.Succeeded;
        Run.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.RunFinished(Run.Id, outcome);
    }

    private async Task<TrainingStepFailedException> FailAsync(string step, string reason, Exception failure)
    {
        await EndAsync(TrainingRunStatus.Failed, step, reason);
        logger.StepFailed(Run.Id, step, reason, failure);
        return failure as TrainingStepFailedException ?? new TrainingStepFailedException(step, reason, failure);
    }

    private async Task EndAsync(TrainingRunStatus status, string step, string reason)
    {
        Run.Status = status;
        Run.FailedStep = step;
        Run.FailureReason = reason;
        Run.FinishedAt = clock.GetUtcNow();
        // The run's own token may be what was cancelled: the record is written regardless.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
