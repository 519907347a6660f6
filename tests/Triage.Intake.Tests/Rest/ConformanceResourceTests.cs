using System.Net;
using Hl7.Fhir.Model;
using Triage.Fhir.Conformance;
using Triage.Fhir.Terminology;

namespace Triage.Intake.Tests.Rest;

/// <summary>The project's StructureDefinitions, CodeSystems and ValueSets are served read-only and listed in the CapabilityStatement.</summary>
public sealed class ConformanceResourceTests
{
    [Theory]
    [InlineData("StructureDefinition", "lesion-photo")]
    [InlineData("StructureDefinition", "clinical-feature")]
    [InlineData("StructureDefinition", "ai-risk-assessment")]
    [InlineData("StructureDefinition", "review-task")]
    [InlineData("StructureDefinition", "model-device")]
    [InlineData("CodeSystem", "clinical-feature")]
    [InlineData("CodeSystem", "pad-ufes-20")]
    [InlineData("CodeSystem", "review-outcome")]
    [InlineData("CodeSystem", "model")]
    [InlineData("ValueSet", "body-region")]
    [InlineData("ValueSet", "clinical-feature-code")]
    [InlineData("ValueSet", "diagnosis")]
    [InlineData("ValueSet", "review-reason")]
    public async Task Each_reads_back_by_id_at_its_canonical_URL(string type, string id)
    {
        await using var server = await IntakeServer.StartAsync();

        var resource = await (await server.Client.GetAsync($"/fhir/{type}/{id}")).ReadResourceAsync<Resource>();

        resource.TypeName.Should().Be(type);
        ((IVersionableConformanceResource)resource).Url.Should().Be($"{TriageCanonicals.Base}/{type}/{id}");
    }

    [Fact]
    public async Task A_profile_is_served_with_its_snapshot()
    {
        await using var server = await IntakeServer.StartAsync();

        var profile = await (await server.Client.GetAsync("/fhir/StructureDefinition/lesion-photo")).ReadResourceAsync<StructureDefinition>();

        profile.Snapshot.Element.Should().Contain(e => e.Path == "Media.content.contentType" && e.Min == 1);
        profile.Differential.Element.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Search_by_url_finds_the_one_resource_and_without_parameters_lists_all_of_the_type()
    {
        await using var server = await IntakeServer.StartAsync();

        var byUrl = await (await server.Client.GetAsync($"/fhir/CodeSystem?url={Uri.EscapeDataString(TriageTerminology.ClinicalFeatureSystem)}")).ReadResourceAsync<Bundle>();
        var versioned = await (await server.Client.GetAsync($"/fhir/ValueSet?url={Uri.EscapeDataString(TriageCanonicals.BodyRegionValueSet + "|1.0.0")}")).ReadResourceAsync<Bundle>();
        var none = await (await server.Client.GetAsync("/fhir/ValueSet?url=https://example.org/none")).ReadResourceAsync<Bundle>();
        var all = await (await server.Client.GetAsync("/fhir/StructureDefinition")).ReadResourceAsync<Bundle>();

        byUrl.Entry.Single().Resource.Should().BeOfType<CodeSystem>().Which.Id.Should().Be("clinical-feature");
        versioned.Entry.Single().Resource.Id.Should().Be("body-region");
        none.Total.Should().Be(0);
        all.Entry.Select(e => ((StructureDefinition)e.Resource).Url).Should().BeEquivalentTo(
            [TriageCanonicals.LesionPhotoProfile, TriageCanonicals.ClinicalFeatureProfile,
             TriageCanonicals.AiRiskAssessmentProfile, TriageCanonicals.ReviewTaskProfile, TriageCanonicals.ModelDeviceProfile,
             TriageCanonicals.ResultProvenanceProfile, TriageCanonicals.LesionDiagnosisProfile]);
    }

    [Fact]
    public async Task The_code_systems_of_the_write_back_read_back_by_url()
    {
        await using var server = await IntakeServer.StartAsync();

        var reasons = await (await server.Client.GetAsync($"/fhir/CodeSystem?url={Uri.EscapeDataString(ResultTerminology.ReviewReasonSystem)}")).ReadResourceAsync<Bundle>();
        var model = await (await server.Client.GetAsync($"/fhir/CodeSystem?url={Uri.EscapeDataString(TriageTerminology.ModelSystem)}")).ReadResourceAsync<Bundle>();

        reasons.Entry.Single().Resource.Should().BeOfType<CodeSystem>().Which.Concept.Select(c => c.Code).Should().Contain(["suspicious", "escalated", "low-confidence"]);
        model.Entry.Single().Resource.Should().BeOfType<CodeSystem>().Which.Content.Should().Be(CodeSystemContentMode.NotPresent);
    }

    [Fact]
    public async Task An_unknown_id_is_404_and_writes_are_405()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        await (await server.Client.GetAsync("/fhir/ValueSet/no-such-value-set")).ShouldBeRefusedAsync(404, server, before);
        await (await server.SendAsync(HttpMethod.Post, "/fhir/ValueSet", new ValueSet { Status = PublicationStatus.Draft })).ShouldBeRefusedAsync(405, server, before);
    }

    [Fact]
    public async Task The_CapabilityStatement_lists_them_the_profiles_and_validate()
    {
        await using var server = await IntakeServer.StartAsync();

        var rest = (await (await server.Client.GetAsync("/fhir/metadata")).ReadResourceAsync<CapabilityStatement>()).Rest.Single();

        foreach (var type in new[] { "StructureDefinition", "CodeSystem", "ValueSet" })
        {
            var resource = rest.Resource.Should().ContainSingle(r => r.Type == type).Subject;
            resource.Interaction.Select(i => i.Code).Should().BeEquivalentTo(
                [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType]);
            resource.SearchParam.Select(p => p.Name).Should().Equal("url");
        }

        var media = rest.Resource.Single(r => r.Type == "Media");
        media.Profile.Should().Be(TriageCanonicals.LesionPhotoProfile);
        media.SupportedProfile.Should().Equal(TriageCanonicals.LesionPhotoProfile);
        var observation = rest.Resource.Single(r => r.Type == "Observation");
        observation.SupportedProfile.Should().Equal(TriageCanonicals.ClinicalFeatureProfile, TriageCanonicals.LesionDiagnosisProfile);
        observation.Profile.Should().BeNull("clinical features and lesion diagnoses are Observations of different profiles");
        rest.Resource.Single(r => r.Type == "Provenance").Profile.Should().Be(TriageCanonicals.ResultProvenanceProfile);
        foreach (var type in new[] { "Patient", "Media", "Observation" })
        {
            rest.Resource.Single(r => r.Type == type).Operation.Should().ContainSingle(o =>
                o.Name == "validate" && o.Definition == "http://hl7.org/fhir/OperationDefinition/Resource-validate");
        }
    }
}
