using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Domain.Review;
using Triage.Fhir.Results;
using Triage.Fhir.Serialization;
using Triage.Fhir.Terminology;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Fhir.Tests;

/// <summary>The Device, Provenance and review Task written back beside a RiskAssessment.</summary>
public class WriteBackFactoryTests
{
    private static readonly ResourceReference RiskAssessment = new("RiskAssessment/ra-1");
    private static readonly ResourceReference Patient = new("Patient/p-1");
    private static readonly ResourceReference Device = new("Device/d-1");

    [Fact]
    public void A_model_device_is_identified_by_name_and_version_and_says_its_role()
    {
        var device = ModelDeviceFactory.Create("student-b0", "1.2.0", ModelRole.Teacher);

        device.Identifier.Single().Value.Should().Be("student-b0@1.2.0");
        device.Identifier.Single().System.Should().Be(ResultTerminology.ModelDeviceIdentifierSystem);
        device.Property.Single().ValueCode.Single().Coding.Single().Code.Should().Be(ModelRole.Teacher);
        FhirJson.Parse<Device>(FhirJson.Serialize(device)).IsExactly(device).Should().BeTrue("it is valid FHIR R4");
    }

    [Fact]
    public void A_device_for_an_unknown_role_is_refused()
    {
        var create = () => ModelDeviceFactory.Create("m", "1", "assistant");
        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_provenance_names_the_author_the_escalating_student_and_the_sources()
    {
        var provenance = ResultProvenanceFactory.Create(
            RiskAssessment, Device, new ResourceReference("Device/d-0"), [new ResourceReference("Media/m-1")], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        provenance.Agent.Select(a => (a.Type.Coding.Single().Code, a.Who.Reference)).Should().Equal(("author", "Device/d-1"), ("performer", "Device/d-0"));
        provenance.Entity.Single().Role.Should().Be(Provenance.ProvenanceEntityRole.Source);
        FhirJson.Parse<Provenance>(FhirJson.Serialize(provenance)).IsExactly(provenance).Should().BeTrue();
    }

    [Theory]
    [InlineData(ReviewReason.Suspicious | ReviewReason.Escalated, "suspicious", RequestPriority.Urgent)]
    [InlineData(ReviewReason.Escalated | ReviewReason.LowConfidence, "low-confidence", RequestPriority.Routine)]
    [InlineData(ReviewReason.Escalated, "escalated", RequestPriority.Routine)]
    public void A_review_task_gives_its_most_serious_reason_and_every_reason_as_input(ReviewReason reasons, string reasonCode, RequestPriority priority)
    {
        var task = ReviewTaskFactory.Create(reasons, RiskAssessment, Patient, Device, null, DateTimeOffset.UnixEpoch);

        task.Status.Should().Be(FhirTask.TaskStatus.Requested);
        task.Intent.Should().Be(FhirTask.TaskIntent.Order);
        task.ReasonCode.Coding.Single().Code.Should().Be(reasonCode);
        task.Priority.Should().Be(priority);
        task.Input.Should().HaveCount(ReviewTaskFactory.Codings(reasons).Count);
        FhirJson.Parse<FhirTask>(FhirJson.Serialize(task)).IsExactly(task).Should().BeTrue();
    }

    [Fact]
    public void A_review_task_needs_a_reason()
    {
        var create = () => ReviewTaskFactory.Create(ReviewReason.None, RiskAssessment, Patient, Device, null, DateTimeOffset.UnixEpoch);
        create.Should().Throw<ArgumentException>();
    }
}
