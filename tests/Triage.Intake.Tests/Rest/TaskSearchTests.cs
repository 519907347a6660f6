using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>GET /fhir/Task</c> by status, owner, focus and patient: the dermatologist's worklist.</summary>
public sealed class TaskSearchTests
{
    [Fact]
    public async Task Finds_review_tasks_by_status_owner_focus_and_patient()
    {
        await using var server = await IntakeServer.StartAsync(new Dictionary<string, string?> { ["Intake:Review:Owner"] = "Organization/dermatology" });
        var alice = await server.CreateAsync(Resources.Patient());
        var bob = await server.CreateAsync(Resources.Patient());
        var aliceResult = (await ClassifiedPhotos.PostAsync(server, alice.Id!, c => Answers.ByStudent(c, Answers.LikelyMelanoma))).RiskAssessment;
        var bobResult = (await ClassifiedPhotos.PostAsync(server, bob.Id!, c => Answers.ByStudent(c, Answers.LikelyMelanoma))).RiskAssessment;
        await ClassifiedPhotos.PostAsync(server, bob.Id!, c => Answers.ByStudent(c, Answers.ConfidentNevus));
        var aliceTask = await TaskIdAsync(server, $"focus=RiskAssessment/{aliceResult.Id}");
        var bobTask = await TaskIdAsync(server, $"focus=RiskAssessment/{bobResult.Id}");

        (await server.SearchAsync("/fhir/Task?status=requested")).MatchIds().Should().Equal(bobTask, aliceTask);
        (await server.SearchAsync("/fhir/Task?status=http://hl7.org/fhir/task-status|requested")).MatchIds().Should().Equal(bobTask, aliceTask);
        (await server.SearchAsync("/fhir/Task?status=completed,cancelled")).MatchIds().Should().BeEmpty();
        (await server.SearchAsync("/fhir/Task?owner=Organization/dermatology&status=requested")).MatchIds().Should().Equal(bobTask, aliceTask);
        (await server.SearchAsync("/fhir/Task?owner=Organization/elsewhere")).MatchIds().Should().BeEmpty();
        (await server.SearchAsync($"/fhir/Task?patient={alice.Id}")).MatchIds().Should().Equal(aliceTask);
        (await server.SearchAsync($"/fhir/Task?patient=Patient/{bob.Id}&status=requested")).MatchIds().Should().Equal(bobTask);
        var focused = await server.SearchAsync($"/fhir/Task?focus=RiskAssessment/{aliceResult.Id},RiskAssessment/{bobResult.Id}");
        focused.Total.Should().Be(2);
        focused.Entry.Select(e => ((FhirTask)e.Resource).Focus.Reference).Should().BeEquivalentTo(
            [$"RiskAssessment/{aliceResult.Id}", $"RiskAssessment/{bobResult.Id}"]);
    }

    [Fact]
    public async Task Finds_provenance_by_target_and_devices_by_identifier()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var result = (await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByStudent(c, Answers.ConfidentNevus))).RiskAssessment;

        var provenance = await server.SearchAsync($"/fhir/Provenance?target=RiskAssessment/{result.Id}");
        ((Provenance)provenance.Entry.Single().Resource).Target.Single().Reference.Should().Be($"RiskAssessment/{result.Id}");
        (await server.SearchAsync($"/fhir/Provenance?agent={result.Performer.Reference}")).Total.Should().Be(1);
        var device = await server.SearchAsync($"/fhir/Device?identifier=https://skin-triage.org/fhir/sid/model-version|{Answers.Student}@1.0.0");
        device.MatchIds().Should().Equal(result.Performer.Reference.Split('/')[1]);
        (await server.SearchAsync("/fhir/Device?identifier=https://skin-triage.org/fhir/sid/model-version|")).Total.Should().Be(1);
    }

    [Theory]
    [InlineData("/fhir/Task?focus=some-id")]
    [InlineData("/fhir/Task?owner=Organization/a/_history/1")]
    [InlineData("/fhir/Task?patient=Organization/1")]
    [InlineData("/fhir/Task?status=")]
    [InlineData("/fhir/Provenance?target=,")]
    public async Task A_reference_that_is_not_one_is_refused_with_400(string query)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        await (await server.Client.GetAsync(query)).ShouldBeRefusedAsync(400, server, before);
    }

    private static async Task<string> TaskIdAsync(IntakeServer server, string query) =>
        (await server.SearchAsync($"/fhir/Task?{query}")).MatchIds().Single();
}
