using Hl7.Fhir.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Contracts;
using Triage.Data;
using Triage.Domain.Cases;
using Triage.Fhir;
using Triage.Intake.Storage;

namespace Triage.Intake.Results;

/// <summary>
/// Writes a model's answer back as a FHIR RiskAssessment and marks the case classified.
/// A repeated answer for a case already classified is ignored (the outbox delivers at least once).
/// </summary>
public sealed class ClassificationCompletedConsumer(
    TriageDbContext db,
    FhirResourceStore store,
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

        var riskAssessment = RiskAssessmentFactory.Create(
            result,
            new ResourceReference($"Patient/{@case.PatientId}"),
            new ResourceReference($"Media/{@case.MediaId}"),
            @case.ObservationIds.Select(id => new ResourceReference($"Observation/{id}")));
        store.AddNew(riskAssessment, @case.PatientId);
        @case.RiskAssessmentId = riskAssessment.Id;
        @case.MoveTo(CaseStatus.Classified, clock.GetUtcNow());

        // Two deliveries racing: the case's revision token makes the second save fail and retry, then it sees Classified.
        await db.SaveChangesAsync(context.CancellationToken);
        logger.CaseClassified(@case.Id, result.DecidedBy, result.ModelName, result.ModelVersion, result.ExecutionProvider, riskAssessment.Id!);
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
