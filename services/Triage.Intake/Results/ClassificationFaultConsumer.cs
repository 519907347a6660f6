using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Contracts;
using Triage.Data;
using Triage.Domain.Cases;

namespace Triage.Intake.Results;

/// <summary>When classification gives up on a case (retries spent, or a fault that cannot succeed), the case fails with the reason.</summary>
public sealed class ClassificationFaultConsumer(
    TriageDbContext db,
    TimeProvider clock,
    ILogger<ClassificationFaultConsumer> logger) : IConsumer<Fault<ClassificationRequested>>
{
    private const int MaxReasonLength = 500;

    public async System.Threading.Tasks.Task Consume(ConsumeContext<Fault<ClassificationRequested>> context)
    {
        var caseId = context.Message.Message.CaseId;
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, context.CancellationToken);
        if (@case is null || !CaseLifecycle.CanMove(@case.Status, CaseStatus.Failed))
        {
            return;
        }

        var exception = context.Message.Exceptions.FirstOrDefault();
        var reason = exception is null ? "Classification failed." : $"{exception.ExceptionType}: {exception.Message}";
        @case.FailureReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        @case.MoveTo(CaseStatus.Failed, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);
        logger.CaseFailed(caseId, @case.FailureReason);
    }
}
