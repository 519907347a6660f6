using Hl7.Fhir.Model;
using Triage.Domain.Diagnoses;
using Triage.Domain.Review;
using Triage.Fhir.Results;
using Triage.Fhir.Review;
using Triage.Fhir.Serialization;
using Triage.Fhir.Terminology;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Fhir.Tests;

/// <summary>The final Observation of a dermatologist's diagnosis and the review Task completed with it.</summary>
public class ReviewOutcomeFactoryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 30, 0, TimeSpan.Zero);
    private static readonly Reviewer Ana = new("dr.ana", "Dr Ana Costa");

    private static Observation Diagnosis(ReviewedDiagnosis diagnosis, Diagnosis? biopsy = null, string? note = null) =>
        ReviewOutcomeFactory.DiagnosisObservation(diagnosis, biopsy, note, new ResourceReference("Patient/p-1"), new ResourceReference("Media/m-1"), Ana, At);

    private static FhirTask RequestedTask() =>
        ReviewTaskFactory.Create(ReviewReason.Suspicious, new("RiskAssessment/ra-1"), new("Patient/p-1"), new("Device/d-1"), null, At.AddHours(-2));

    [Fact]
    public void The_observation_is_a_final_diagnosis_by_the_reviewer_from_the_photo()
    {
        var observation = Diagnosis(ReviewedDiagnosis.Of(Domain.Diagnoses.Diagnosis.MEL), Domain.Diagnoses.Diagnosis.NEV, "  Irregular border.  ");

        observation.Status.Should().Be(ObservationStatus.Final);
        observation.Code.Coding.Single().Should().Match<Coding>(c => c.System == ReviewTerminology.ReviewOutcomeSystem && c.Code == ReviewTerminology.DermatologistDiagnosis);
        ((CodeableConcept)observation.Value).Coding.Single().Should().Match<Coding>(c => c.System == TriageTerminology.PadUfes20System && c.Code == "MEL" && c.Display == "Melanoma");
        observation.DerivedFrom.Single().Reference.Should().Be("Media/m-1");
        observation.Performer.Single().Identifier.Should().Match<Identifier>(i => i.System == ReviewTerminology.ReviewerIdentifierSystem && i.Value == "dr.ana");
        ((CodeableConcept)observation.Component.Single().Value).Coding.Single().Code.Should().Be("NEV");
        observation.Note.Single().Text.Should().Be("Irregular border.");
        observation.Meta?.Security.Should().BeNullOrEmpty("a person decided, not an AI");
        FhirJson.Parse<Observation>(FhirJson.Serialize(observation)).IsExactly(observation).Should().BeTrue("it is valid FHIR R4");
    }

    [Fact]
    public void Not_assessable_is_a_code_of_the_project_and_has_no_biopsy_component()
    {
        var observation = Diagnosis(ReviewedDiagnosis.NotAssessable);

        ((CodeableConcept)observation.Value).Coding.Single().Should().Match<Coding>(c => c.System == ReviewTerminology.ReviewOutcomeSystem && c.Code == ReviewTerminology.NotAssessable);
        observation.Component.Should().BeEmpty();
        observation.Note.Should().BeEmpty();
    }

    [Fact]
    public void Completing_the_task_names_the_reviewer_and_outputs_the_diagnosis_and_its_observation()
    {
        var task = ReviewOutcomeFactory.Complete(RequestedTask(), ReviewedDiagnosis.Of(Domain.Diagnoses.Diagnosis.SCC), new ResourceReference("Observation/o-1"), Ana, At);

        task.Status.Should().Be(FhirTask.TaskStatus.Completed);
        task.Owner.Identifier.Value.Should().Be("dr.ana");
        task.Owner.Display.Should().Be("Dr Ana Costa");
        task.ExecutionPeriod.End.Should().StartWith("2026-11-27T10:30:00");
        task.Output.Select(o => o.Type.Coding.Single().Code).Should().Equal(ReviewTerminology.OutputDiagnosis, ReviewTerminology.OutputObservation);
        ((CodeableConcept)task.Output[0].Value).Coding.Single().Code.Should().Be("SCC");
        ((ResourceReference)task.Output[1].Value).Reference.Should().Be("Observation/o-1");
        FhirJson.Parse<FhirTask>(FhirJson.Serialize(task)).IsExactly(task).Should().BeTrue("it is valid FHIR R4");
    }

    [Theory]
    [InlineData(FhirTask.TaskStatus.Completed)]
    [InlineData(FhirTask.TaskStatus.Cancelled)]
    [InlineData(FhirTask.TaskStatus.Failed)]
    public void A_task_that_has_ended_is_not_completed_again(FhirTask.TaskStatus status)
    {
        var task = RequestedTask();
        task.Status = status;

        FluentActions.Invoking(() => ReviewOutcomeFactory.Complete(task, ReviewedDiagnosis.NotAssessable, new ResourceReference("Observation/o-1"), Ana, At))
            .Should().Throw<InvalidOperationException>();
    }
}
