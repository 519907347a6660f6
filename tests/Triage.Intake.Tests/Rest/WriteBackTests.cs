using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Fhir.Conformance;
using Triage.Fhir.Terminology;
using Triage.Testing;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// A result is written back as a RiskAssessment with AIconfidence, a Device per model version (reused), and a Provenance,
/// all read over HTTP; a redelivered result writes nothing again.
/// </summary>
public sealed class WriteBackTests
{
    [Fact]
    public async Task A_result_has_a_device_for_its_model_and_a_provenance_naming_what_was_used()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var age = await server.CreateAsync(Resources.Age(patient.Id, 61));
        var media = await server.CreateAsync(Resources.Photo(patient.Id));
        var caseId = await ClassifiedPhotos.CaseOfAsync(server, media.Id!);
        await server.Harness.Bus.Publish(Answers.ByStudent(caseId, Answers.ConfidentNevus));
        var riskAssessment = await ClassifiedPhotos.WrittenAsync(server, media.Id!);

        riskAssessment.GetExtensionValue<FhirDecimal>(AiTransparency.ConfidenceExtension).Value.Should().Be(0.90m);
        riskAssessment.Meta.Security.Should().Contain(c => c.Code == TriageTerminology.AiAsserted);
        var device = await ReadAsync<Device>(server, riskAssessment.Performer.Reference);
        device.DeviceName.Should().ContainSingle(n => n.Name == Answers.Student && n.Type == DeviceNameType.ModelName);
        device.Version.Should().ContainSingle(v => v.Value == "1.0.0");
        device.Type.Coding.Should().Contain(c => c.System == AiTransparency.DeviceTypeSystem);
        device.Property.Single().ValueCode.Single().Coding.Single().Code.Should().Be(ModelRole.Student);

        var provenance = await ProvenanceOfAsync(server, riskAssessment.Id!);
        provenance.Target.Single().Reference.Should().Be($"RiskAssessment/{riskAssessment.Id}");
        provenance.Recorded.Should().NotBeNull();
        provenance.Agent.Should().ContainSingle().Which.Who.Reference.Should().Be(riskAssessment.Performer.Reference);
        provenance.Agent[0].Type.Coding.Single().Code.Should().Be("author");
        provenance.Entity.Select(e => e.What.Reference).Should().BeEquivalentTo([$"Media/{media.Id}", $"Observation/{age.Id}"]);
        provenance.Entity.Should().OnlyContain(e => e.Role == Provenance.ProvenanceEntityRole.Source);
    }

    [Fact]
    public async Task An_escalated_result_is_authored_by_the_teacher_with_the_student_as_performer()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var (_, riskAssessment) = await ClassifiedPhotos.PostAsync(
            server, patient.Id!, caseId => Answers.ByTeacher(caseId, [0.3, 0.2, 0.1, 0.2, 0.1, 0.1], Answers.ConfidentNevus));

        var teacher = await ReadAsync<Device>(server, riskAssessment.Performer.Reference);
        teacher.DeviceName.Single().Name.Should().Be(Answers.Teacher);
        teacher.Property.Single().ValueCode.Single().Coding.Single().Code.Should().Be(ModelRole.Teacher);
        var provenance = await ProvenanceOfAsync(server, riskAssessment.Id!);
        provenance.Agent.Select(a => a.Type.Coding.Single().Code).Should().Equal("author", "performer");
        var student = await ReadAsync<Device>(server, provenance.Agent[1].Who.Reference);
        student.DeviceName.Single().Name.Should().Be(Answers.Student);
    }

    [Fact]
    public async Task One_device_per_model_version_however_many_results_it_gives()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var first = (await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByStudent(c, Answers.ConfidentNevus))).RiskAssessment;
        var second = (await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByStudent(c, Answers.ConfidentNevus))).RiskAssessment;
        var newVersion = (await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByStudent(c, Answers.ConfidentNevus, "1.1.0"))).RiskAssessment;

        second.Performer.Reference.Should().Be(first.Performer.Reference);
        newVersion.Performer.Reference.Should().NotBe(first.Performer.Reference);
        (await server.QueryAsync("SELECT COUNT(*) FROM FhirResources WHERE ResourceType = 'Device'")).Single()[0].Should().Be("2");
        (await server.QueryAsync("SELECT COUNT(*) FROM FhirResources WHERE ResourceType = 'Provenance'")).Single()[0].Should().Be("3");
    }

    [Fact]
    public async Task A_redelivered_result_creates_nothing_twice()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var media = await server.CreateAsync(Resources.Photo(patient.Id));
        var answer = Answers.ByTeacher(await ClassifiedPhotos.CaseOfAsync(server, media.Id!), [0.3, 0.2, 0.1, 0.2, 0.1, 0.1], Answers.LikelyMelanoma);

        await server.Harness.Bus.Publish(answer);
        await ClassifiedPhotos.WrittenAsync(server, media.Id!);
        var written = await server.SnapshotAsync();
        await server.Harness.Bus.Publish(answer);
        await server.Harness.Bus.Publish(answer);
        await Poll.UntilAsync(() => server.Harness.Consumed.Select<ClassificationCompleted>().Count() == 3, "the result consumed three times");

        (await server.SnapshotAsync()).Should().Equal(written);
        var counts = await server.QueryAsync("SELECT ResourceType, COUNT(*) FROM FhirResources WHERE ResourceType NOT IN ('Patient', 'Media') GROUP BY ResourceType ORDER BY 1");
        counts.Select(r => $"{r[0]}={r[1]}").Should().Equal("Device=2", "Provenance=1", "RiskAssessment=1", "Task=1");
    }

    [Fact]
    public async Task What_is_written_back_claims_the_projects_profiles_and_is_valid_against_them()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        await server.CreateAsync(Resources.Age(patient.Id, 61));
        var (_, riskAssessment) = await ClassifiedPhotos.PostAsync(
            server, patient.Id!, caseId => Answers.ByTeacher(caseId, [0.3, 0.2, 0.1, 0.2, 0.1, 0.1], Answers.LikelyMelanoma));
        var task = (await server.SearchAsync($"/fhir/Task?focus=RiskAssessment/{riskAssessment.Id}")).Entry.Single().Resource;
        var devices = (await server.SearchAsync("/fhir/Device")).Entry.Select(e => e.Resource).ToList();
        var provenance = (await server.SearchAsync($"/fhir/Provenance?target=RiskAssessment/{riskAssessment.Id}")).Entry.Single().Resource;

        devices.Should().HaveCount(2, "the teacher decided, the student escalated");
        foreach (var written in devices.Prepend(provenance).Prepend(task).Prepend(riskAssessment))
        {
            written.Meta.Profile.Should().Equal(TriageCanonicals.ProfileOf(written.TypeName));
            var response = await server.SendRawAsync(HttpMethod.Post, $"/fhir/{written.TypeName}/{written.Id}/$validate", null);
            ((int)response.StatusCode).Should().Be(200, await response.Content.ReadAsStringAsync());
            (await response.ReadResourceAsync<OperationOutcome>()).Issue
                .Should().NotContain(i => i.Severity == OperationOutcome.IssueSeverity.Error, $"{written.TypeName}/{written.Id} is valid against its profile");
        }
    }

    internal static async Task<T> ReadAsync<T>(IntakeServer server, string reference)
        where T : Resource
    {
        var response = await server.Client.GetAsync($"/fhir/{reference}");
        ((int)response.StatusCode).Should().Be(200, await response.Content.ReadAsStringAsync());
        return await response.ReadResourceAsync<T>();
    }

    private static async Task<Provenance> ProvenanceOfAsync(IntakeServer server, string riskAssessmentId)
    {
        var ids = await server.QueryAsync("SELECT ResourceId FROM FhirResources WHERE ResourceType = 'Provenance' AND Json LIKE $target",
            ("$target", $"%RiskAssessment/{riskAssessmentId}\"%"));
        return await ReadAsync<Provenance>(server, $"Provenance/{ids.Single()[0]}");
    }
}
