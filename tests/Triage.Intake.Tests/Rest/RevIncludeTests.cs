using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>_revinclude</c>: what refers to a match comes in the same page, once, marked as included, outside the total.</summary>
public sealed class RevIncludeTests
{
    [Fact]
    public async Task A_risk_assessment_comes_with_its_provenance_and_review_task()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var result = (await ClassifiedPhotos.PostAsync(server, patient.Id!)).RiskAssessment;
        var other = (await ClassifiedPhotos.PostAsync(server, patient.Id!)).RiskAssessment;

        var bundle = await server.SearchAsync(
            $"/fhir/RiskAssessment?_id={result.Id}&_revinclude=Provenance:target&_revinclude=Task:focus&_revinclude=Provenance:target");

        bundle.MatchIds().Should().Equal(result.Id);
        bundle.Total.Should().Be(1, "the total counts matches only");
        var included = bundle.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Select(e => e.Resource).ToList();
        included.Select(r => r.TypeName).Should().BeEquivalentTo(["Provenance", "Task"], "each comes once, even when asked for twice");
        ((Provenance)included.Single(r => r is Provenance)).Target.Select(t => t.Reference).Should().Equal($"RiskAssessment/{result.Id}");
        ((Hl7.Fhir.Model.Task)included.Single(r => r is Hl7.Fhir.Model.Task)).Focus.Reference.Should().Be($"RiskAssessment/{result.Id}");
        included.Should().NotContain(r => r.Id == other.Id);
        bundle.Link("self").Should().Contain("_revinclude=Provenance%3Atarget").And.Contain("_revinclude=Task%3Afocus");
        bundle.Entry.Should().NotContain(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome, "nothing was left out");
    }

    [Fact]
    public async Task A_patient_comes_with_its_photos_observations_and_results_and_a_resource_both_included_comes_once()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var someoneElse = await server.CreateAsync(Resources.Patient());
        var age = await server.CreateAsync(Resources.Age(patient.Id!, 61));
        var (media, result) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        await ClassifiedPhotos.PostAsync(server, someoneElse.Id!);

        var bundle = await server.SearchAsync(
            $"/fhir/Patient?_id={patient.Id}&_revinclude=RiskAssessment:subject&_revinclude=Observation:subject&_revinclude=Media:subject");

        bundle.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Select(e => $"{e.Resource.TypeName}/{e.Resource.Id}")
            .Should().BeEquivalentTo([$"RiskAssessment/{result.Id}", $"Observation/{age.Id}", $"Media/{media.Id}"]);
    }

    [Fact]
    public async Task A_page_adds_at_most_the_configured_number_of_revincluded_resources_and_says_it_left_some_out()
    {
        await using var server = await IntakeServer.StartAsync(new Dictionary<string, string?> { ["Intake:MaxRevIncludes"] = "3" });
        var patient = await server.CreateAsync(Resources.Patient());
        for (var age = 60; age < 65; age++)
        {
            await server.CreateAsync(Resources.Age(patient.Id!, age));
        }

        var capped = await server.SearchAsync($"/fhir/Patient?_id={patient.Id}&_revinclude=Observation:subject");
        var twoPaths = await server.SearchAsync($"/fhir/Patient?_id={patient.Id}&_revinclude=Observation:subject&_revinclude=Media:subject&_count=1");

        capped.Entry.Count(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Should().Be(3);
        var outcome = capped.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource.Should().BeOfType<OperationOutcome>().Subject;
        outcome.Issue.Single().Should().Match<OperationOutcome.IssueComponent>(i =>
            i.Severity == OperationOutcome.IssueSeverity.Warning && i.Code == OperationOutcome.IssueType.TooCostly && i.Diagnostics.Contains("more than 3"));
        twoPaths.Entry.Count(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Should().Be(3, "the bound is on the page, whatever the paths");
    }

    [Fact]
    public async Task A_photo_comes_with_the_observations_recorded_with_it()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var photo = await server.CreateAsync(Resources.Photo(patient.Id!));
        var withPhoto = await server.CreateAsync(Resources.Age(patient.Id!, 61, photo.Id));
        await server.CreateAsync(Resources.Age(patient.Id!, 62));

        var bundle = await server.SearchAsync($"/fhir/Media?_id={photo.Id}&_revinclude=Observation:focus&_revinclude=Observation:derived-from");

        bundle.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Include).Select(e => e.Resource.Id).Should().Equal(withPhoto.Id);
        (await server.SearchAsync($"/fhir/Observation?focus=Media/{photo.Id}")).MatchIds().Should().Equal(withPhoto.Id);
    }

    [Fact]
    public async Task An_unknown_revinclude_is_ignored_with_a_warning_or_refused_when_strict()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var bundle = await server.SearchAsync("/fhir/RiskAssessment?_revinclude=DetectedIssue:implicated");
        var outcome = (OperationOutcome)bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource;
        outcome.Issue.Single().Diagnostics.Should().Contain("'_revinclude=DetectedIssue:implicated'");
        bundle.Link("self").Should().NotContain("_revinclude");

        await (await server.SendAsync(HttpMethod.Get, "/fhir/RiskAssessment?_revinclude=Provenance:agent", headers: ("Prefer", "handling=strict")))
            .ShouldBeRefusedAsync(400, server, before);
    }

    [Fact]
    public async Task The_capability_statement_lists_the_revincludes_each_search_honours()
    {
        await using var server = await IntakeServer.StartAsync();

        var capability = await (await server.Client.GetAsync("/fhir/metadata")).ReadResourceAsync<CapabilityStatement>();

        var resources = capability.Rest.Single().Resource;
        resources.Single(r => r.Type == "RiskAssessment").SearchRevInclude.Should().BeEquivalentTo(["Provenance:target", "Task:focus"]);
        resources.Single(r => r.Type == "Media").SearchRevInclude.Should().BeEquivalentTo(["Observation:focus", "Observation:derived-from"]);
        resources.Single(r => r.Type == "Patient").SearchRevInclude.Should()
            .BeEquivalentTo(["Media:subject", "Observation:subject", "RiskAssessment:subject"]);
    }
}
