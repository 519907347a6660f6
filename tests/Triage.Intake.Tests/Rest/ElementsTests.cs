using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// <c>_elements</c> on search and read: each resource carries the elements asked for plus its id, its meta (tagged
/// <c>SUBSETTED</c>) and its mandatory elements; a name the type does not have follows <c>Prefer: handling</c>.
/// </summary>
public sealed class ElementsTests
{
    private const string Subsetted = "SUBSETTED";
    private const string SubsettedSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    private const string Note = "Itches since spring.";

    [Fact]
    public async Task A_search_gives_each_resource_with_the_elements_asked_for_and_keeps_them_in_the_links()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        await server.CreateAsync(NotedPhoto(patient.Id!));
        await server.CreateAsync(NotedPhoto(patient.Id!));

        var response = await server.SendAsync(HttpMethod.Get, $"/fhir/Media?patient={patient.Id}&_elements=subject&_count=1&_include=Media:patient");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var entries = json.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        var media = entries.Single(r => r.GetProperty("resourceType").GetString() == "Media");
        ElementNames(media).Should().BeEquivalentTo(["resourceType", "id", "meta", "status", "subject", "content"],
            "subject was asked for; id and meta always come, status and content are mandatory");
        var included = entries.Single(r => r.GetProperty("resourceType").GetString() == "Patient");
        ElementNames(included).Should().BeEquivalentTo(["resourceType", "id", "meta"], "a Patient has no element subject and none mandatory");
        entries.Should().AllSatisfy(r => r.GetProperty("meta").GetProperty("tag").EnumerateArray()
            .Should().Contain(t => t.GetProperty("system").GetString() == SubsettedSystem && t.GetProperty("code").GetString() == Subsetted));
        var bundle = (Bundle)FhirJson(json);
        bundle.Total.Should().Be(2);
        bundle.Link("self").Should().Contain("_elements=subject");
        bundle.Link("next").Should().Contain("_elements=subject");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_read_gives_the_elements_asked_for(string format)
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var photo = await server.CreateAsync(NotedPhoto(patient.Id!));

        var read = await (await server.Client.GetAsync($"/fhir/Media/{photo.Id}?_elements=note,created&_format={format}")).ReadResourceAsync<Media>();
        var whole = await (await server.Client.GetAsync($"/fhir/Media/{photo.Id}")).ReadResourceAsync<Media>();

        read.Id.Should().Be(photo.Id);
        read.Meta.VersionId.Should().Be("1");
        read.Meta.Tag.Should().ContainSingle(t => t.System == SubsettedSystem && t.Code == Subsetted);
        read.Note.Single().Text.Should().Be(Note);
        read.Subject.Should().BeNull("subject was not asked for");
        read.Content.Url.Should().Be(whole.Content.Url, "content is mandatory");
        whole.Subject.Reference.Should().Be($"Patient/{patient.Id}");
        whole.Meta.Tag.Should().BeEmpty();
    }

    [Fact]
    public async Task A_name_the_type_does_not_have_is_ignored_and_named_or_refused_under_strict_handling()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var photo = await server.CreateAsync(NotedPhoto(patient.Id!));

        var bundle = await server.SearchAsync("/fhir/Media?_elements=subject,colour");
        var before = await server.SnapshotAsync();
        var strictSearch = await server.SendAsync(HttpMethod.Get, "/fhir/Media?_elements=subject,colour", headers: ("Prefer", "handling=strict"));
        var strictRead = await server.SendAsync(HttpMethod.Get, $"/fhir/Media/{photo.Id}?_elements=colour", headers: ("Prefer", "handling=strict"));
        var lenientRead = await (await server.Client.GetAsync($"/fhir/Media/{photo.Id}?_elements=colour")).ReadResourceAsync<Media>();

        var media = (Media)bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Match).Resource;
        media.Subject.Reference.Should().Be($"Patient/{patient.Id}");
        media.Note.Should().BeEmpty();
        var warning = (OperationOutcome)bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource;
        warning.Issue.Should().ContainSingle().Which.Diagnostics.Should().Contain("'colour'");
        bundle.Link("self").Should().Contain("_elements=subject").And.NotContain("colour");
        (await strictSearch.ShouldBeRefusedAsync(400, server, before)).Issue.Single().Diagnostics.Should().Contain("'colour'");
        (await strictRead.ShouldBeRefusedAsync(400, server, before)).Issue.Single().Code.Should().Be(OperationOutcome.IssueType.NotSupported);
        lenientRead.Note.Should().BeEmpty();
        lenientRead.Meta.Tag.Should().ContainSingle(t => t.System == SubsettedSystem && t.Code == Subsetted);
        lenientRead.Subject.Should().BeNull("no element asked for is one of Media's, so only id, meta and the mandatory ones come");
    }

    [Theory]
    [InlineData("/fhir/Media?_elements=")]
    [InlineData("/fhir/Media?_elements=subject&_summary=true")]
    [InlineData("/fhir/Patient/1?_elements=gender&_summary=data")]
    public async Task An_empty_list_or_a_summary_beside_it_is_refused(string query)
    {
        await using var server = await IntakeServer.StartAsync();
        await server.CreateAsync(Resources.Patient());
        var before = await server.SnapshotAsync();

        var outcome = await (await server.SendAsync(HttpMethod.Get, query)).ShouldBeRefusedAsync(400, server, before);

        outcome.Issue.Single().Diagnostics.Should().Contain("_elements");
    }

    private static IEnumerable<string> ElementNames(JsonElement resource) => resource.EnumerateObject().Select(p => p.Name);

    private static Resource FhirJson(JsonDocument json) => Triage.Fhir.Serialization.FhirJson.Parse(json.RootElement.GetRawText());

    private static Media NotedPhoto(string patientId)
    {
        var photo = Resources.Photo(patientId);
        photo.Note.Add(new Annotation { Text = new Markdown(Note) });
        return photo;
    }
}
