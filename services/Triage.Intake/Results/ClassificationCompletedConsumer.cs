using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Contracts;
using Triage.Data;
using Triage.Domain.Cases;

namespace Triage.Intake.Results;

/// <summary>
/// Writes a model's answer back (<see cref="ResultWriteBack"/>) and moves the case on, in one transaction: classified, and
/// flagged for review when a review Task was written. A repeated answer for a case past that point is ignored (the outbox
/// delivers at least once).
/// </summary>
public sealed class ClassificationCompletedConsumer(
    TriageDbContext db,
    ResultWriteBack writeBack,
    TimeProvider clock,
    ILogger<ClassificationCompletedConsumer> logger) : IConsumer<ClassificationCompleted>
{
    public async System.Threading.Tasks.Task Consume(ConsumeContext<ClassificationCompleted> context)
    {
        var result = context.Message;
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == result.CaseId, context.CancellationToken);
        if (@case is null)
        {
            logger.ResultForUnknownCase(result.CaseId);
            return;
        }

        if (@case.Status is not (CaseStatus.Queued or CaseStatus.Escalated))
        {
            logger.DuplicateResultIgnored(@case.Id, @case.Status.ToString());
            return;
        }

        var written = await writeBack.AddAsync(@case, result, context.CancellationToken);
        var now = clock.GetUtcNow();
        @case.RiskAssessmentId = written.RiskAssessment.Id;
        db.CaseResults.Add(Triage.Data.Results.CaseResult.From(result));
        @case.MoveTo(CaseStatus.Classified, now);
        if (written.ReviewTask is { } task)
        {
            @case.FlagForReview(task.Id!, now);
        }

        // Two deliveries racing: the case's revision token makes the second save fail and retry, then it sees it done.
        await db.SaveChangesAsync(context.CancellationToken);
        logger.CaseClassified(@case.Id, result.DecidedBy, result.ModelName, result.ModelVersion, result.ExecutionProvider, written.RiskAssessment.Id!);
        if (written.ReviewTask is { } flagged)
        {
            logger.CaseFlaggedForReview(@case.Id, written.ReviewReasons.ToString(), flagged.Id!);
        }
    }
}

public sealed class ClassificationCompletedConsumerDefinition : ConsumerDefinition<ClassificationCompletedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ClassificationCompletedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000));
    }
}
