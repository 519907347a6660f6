using Hl7.Fhir.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Triage.Contracts;
using Triage.Domain.Cases;
using Triage.Domain.Diagnoses;
using Triage.Intake.Results;
using Triage.Testing;

namespace Triage.Intake.Tests;

/// <summary>The model's answer becomes one RiskAssessment, however often it is delivered; a fault fails the case.</summary>
public sealed class ResultWriteBackTests
{
    internal static ClassificationCompleted Answer(Guid caseId)
    {
        var student = new ModelOutput("baseline", "1.0.0", "CPU",
            Diagnoses.All.Select((d, i) => new DiagnosisProbability(d.Code(), i == 1 ? 0.5 : 0.1)).ToList(), 3.5);
        return new(caseId, student.ModelName, student.ModelVersion, student.ExecutionProvider, student.Probabilities,
            student.InferenceMilliseconds, DateTimeOffset.UtcNow, ModelRole.Student, student, null, []);
    }

    private static async Task<(IntakeHost Intake, Guid CaseId)> QueuedCaseAsync()
    {
        var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        await intake.CreateAsync(Resources.Photo(patient.Id));
        var caseId = await intake.DbAsync(db => db.Cases.Select(c => c.Id).SingleAsync());
        return (intake, caseId);
    }

    [Fact]
    public async Task An_answer_delivered_twice_writes_one_risk_assessment()
    {
        var (intake, caseId) = await QueuedCaseAsync();
        await using var _ = intake;

        await intake.Harness.Bus.Publish(Answer(caseId));
        await intake.Harness.Bus.Publish(Answer(caseId));

        var consumer = intake.Harness.GetConsumerHarness<ClassificationCompletedConsumer>();
        await Poll.UntilAsync(() => consumer.Consumed.Select<ClassificationCompleted>().Count() == 2, "the answer consumed twice");

        (await intake.DbAsync(db => db.Resources.CountAsync(r => r.ResourceType == "RiskAssessment"))).Should().Be(1);
        var @case = await intake.DbAsync(db => db.Cases.SingleAsync());
        @case.Status.Should().Be(CaseStatus.FlaggedForReview, "a BCC probability of 0.5 is suspicious");
        @case.RiskAssessmentId.Should().NotBeNull();
    }

    [Fact]
    public async Task A_classification_fault_fails_the_case_with_its_reason()
    {
        var (intake, caseId) = await QueuedCaseAsync();
        await using var _ = intake;
        var request = intake.Harness.Published.Select<ClassificationRequested>().Single().Context.Message;

        Fault<ClassificationRequested> fault = new MassTransit.Events.FaultEvent<ClassificationRequested>(
            request, NewId.NextGuid(), MassTransit.Metadata.HostMetadataCache.Host, new InvalidDataException("The image is gone."), []);
        await intake.Harness.Bus.Publish(fault);

        await Poll.UntilAsync(() => intake.Harness.Published.Select<Fault<ClassificationRequested>>().Any(), "Fault<ClassificationRequested> published");
        var @case = await WaitForAsync(intake, c => c.Status == CaseStatus.Failed);
        @case.FailureReason.Should().Contain("The image is gone.");
    }

    private static async Task<Data.Cases.TriageCase> WaitForAsync(IntakeHost intake, Func<Data.Cases.TriageCase, bool> condition)
    {
        Data.Cases.TriageCase? @case = null;
        await Poll.UntilAsync(async () => condition(@case = await intake.DbAsync(db => db.Cases.AsNoTracking().SingleAsync())), "the case's expected state");
        return @case!;
    }
}
