using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>_include</c>: what a match refers to comes in the same page, once, marked as included.</summary>
public sealed class IncludeTests
{
    [Fact]
    public async Task A_risk_assessment_comes_with_its_photo_and_observations()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var age = await server.CreateAsync(Resources.Age(patient.Id!, 70));
        var (media, result) = await ClassifiedPhotos.PostAsync(server, patient.Id!);

        var bundle = await server.SearchAsync($"/fhir/RiskAssessment?_id={result.Id}&_include=RiskAssessment:basis");

        bundle.MatchIds().Should().Equal(result.Id);
        bundle.Total.Should().Be(1, "the total counts matches only");
        bundle.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Select(e => $"{e.Resource.TypeName}/{e.Resource.Id}")
            .Should().BeEquivalentTo([$"Media/{media.Id}", $"Observation/{age.Id}"]);
        bundle.Link("self").Should().Contain("_include=RiskAssessment%3Abasis");
    }

    [Fact]
    public async Task Iterate_follows_an_include_from_what_was_included()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var result = (await ClassifiedPhotos.PostAsync(server, patient.Id!)).RiskAssessment;
        var device = result.Performer.Reference;

        var once = await server.SearchAsync($"/fhir/Provenance?target=RiskAssessment/{result.Id}&_include=Provenance:target");
        var iterated = await server.SearchAsync(
            $"/fhir/Provenance?target=RiskAssessment/{result.Id}&_include=Provenance:target&_include:iterate=RiskAssessment:subject&_include:iterate=RiskAssessment:performer");
        var unknown = await server.SearchAsync($"/fhir/Provenance?target=RiskAssessment/{result.Id}&_include:iterate=Media:owner");

        Included(once).Should().Equal($"RiskAssessment/{result.Id}");
        Included(iterated).Should().BeEquivalentTo([$"RiskAssessment/{result.Id}", $"Patient/{patient.Id}", device]);
        iterated.Link("self").Should().Contain("_include%3Aiterate=RiskAssessment%3Asubject");
        var outcome = (OperationOutcome)unknown.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource;
        outcome.Issue.Single().Diagnostics.Should().Contain("_include:iterate=Media:owner");
    }

    private static IEnumerable<string> Included(Bundle bundle) =>
        bundle.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Select(e => $"{e.Resource.TypeName}/{e.Resource.Id}");

    [Fact]
    public async Task A_review_task_comes_with_its_risk_assessment_and_patient_each_once()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var first = (await ClassifiedPhotos.PostAsync(server, patient.Id!)).RiskAssessment;
        var second = (await ClassifiedPhotos.PostAsync(server, patient.Id!)).RiskAssessment;

        var bundle = await server.SearchAsync("/fhir/Task?status=requested&_include=Task:focus&_include=Task:patient");

        bundle.MatchIds().Should().HaveCount(2);
        bundle.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Select(e => $"{e.Resource.TypeName}/{e.Resource.Id}")
            .Should().BeEquivalentTo([$"RiskAssessment/{first.Id}", $"RiskAssessment/{second.Id}", $"Patient/{patient.Id}"]);
    }

    [Fact]
    public async Task A_provenance_comes_with_its_device()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var result = (await ClassifiedPhotos.PostAsync(server, patient.Id!)).RiskAssessment;

        var bundle = await server.SearchAsync($"/fhir/Provenance?target=RiskAssessment/{result.Id}&_include=Provenance:agent");

        bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Resource.Should().BeOfType<Device>()
            .Which.Id.Should().Be(result.Performer.Reference.Split('/')[1]);
    }
}
