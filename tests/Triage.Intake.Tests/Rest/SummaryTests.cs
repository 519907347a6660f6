using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// <c>_summary</c> on search and read: <c>count</c> gives the total only, <c>true</c> the summary elements, <c>data</c> all
/// but the narrative, <c>text</c> the narrative with id and meta; each subset is tagged <c>SUBSETTED</c>.
/// </summary>
public sealed class SummaryTests
{
    private const string Subsetted = "SUBSETTED";
    private const string SubsettedSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    private const string Note = "Itches since spring.";

    [Fact]
    public async Task Count_gives_only_the_total()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        await server.CreateAsync(Resources.Photo(patient.Id!));
        await server.CreateAsync(Resources.Photo(patient.Id!));

        var bundle = await server.SearchAsync($"/fhir/Media?patient={patient.Id}&_summary=count");

        bundle.Total.Should().Be(2);
        bundle.Entry.Should().BeEmpty();
        bundle.Link("next").Should().BeNull();
        bundle.Link("self").Should().Contain("_summary=count");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task True_leaves_out_what_is_not_a_summary_element_and_tags_each_resource(string format)
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var photo = await server.CreateAsync(NotedPhoto(patient.Id!));

        var response = await server.SendAsync(HttpMethod.Get, $"/fhir/Media?_summary=true&_include=Media:patient&_format={format}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bundle = await response.ReadResourceAsync<Bundle>();

        var media = (Media)bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Match).Resource;
        media.Id.Should().Be(photo.Id);
        media.Subject.Reference.Should().Be($"Patient/{patient.Id}", "subject is a summary element");
        media.Content.ContentType.Should().Be("image/png");
        media.Content.Url.Should().StartWith("Binary/");
        media.Note.Should().BeEmpty("a note is not a summary element");
        bundle.Entry.Select(e => e.Resource).Should().AllSatisfy(r => r.Meta.Tag.Should().ContainSingle(t => t.System == SubsettedSystem && t.Code == Subsetted));
        bundle.Total.Should().Be(1);
    }

    [Fact]
    public async Task False_gives_the_whole_resource_untagged()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        await server.CreateAsync(NotedPhoto(patient.Id!));

        var media = (Media)(await server.SearchAsync("/fhir/Media?_summary=false")).Entry.Single().Resource;

        media.Note.Single().Text.Should().Be(Note);
        media.Meta.Tag.Should().BeEmpty();
    }

    [Fact]
    public async Task Data_leaves_out_the_narrative_and_text_keeps_only_it()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = Resources.Patient();
        patient.Text = new Narrative { Status = Narrative.NarrativeStatus.Generated, Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">A patient</div>" };
        var stored = await server.CreateAsync(patient);

        var data = (Patient)(await server.SearchAsync($"/fhir/Patient?_id={stored.Id}&_summary=data")).Entry.Single().Resource;
        var text = (Patient)(await server.SearchAsync($"/fhir/Patient?_id={stored.Id}&_summary=text")).Entry.Single().Resource;

        data.Text.Should().BeNull();
        data.Gender.Should().Be(AdministrativeGender.Female);
        data.Meta.Tag.Should().Contain(t => t.Code == Subsetted);
        text.Text.Div.Should().Contain("A patient");
        text.Gender.Should().BeNull();
        text.Id.Should().Be(stored.Id);
        text.Meta.Tag.Should().Contain(t => t.Code == Subsetted);
    }

    [Fact]
    public async Task A_read_takes_a_summary_too()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var photo = await server.CreateAsync(NotedPhoto(patient.Id!));

        var summary = await (await server.Client.GetAsync($"/fhir/Media/{photo.Id}?_summary=true")).ReadResourceAsync<Media>();
        var whole = await (await server.Client.GetAsync($"/fhir/Media/{photo.Id}")).ReadResourceAsync<Media>();

        summary.Note.Should().BeEmpty();
        summary.Subject.Reference.Should().Be($"Patient/{patient.Id}");
        summary.Meta.Tag.Should().ContainSingle(t => t.System == SubsettedSystem && t.Code == Subsetted);
        whole.Note.Single().Text.Should().Be(Note);
        whole.Meta.Tag.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/fhir/Media?_summary=yes")]
    [InlineData("/fhir/Media?_summary=")]
    [InlineData("/fhir/Patient/1?_summary=maybe")]
    [InlineData("/fhir/Patient/1?_summary=count")]
    public async Task A_value_R4_does_not_define_is_refused(string query)
    {
        await using var server = await IntakeServer.StartAsync();
        await server.CreateAsync(Resources.Patient());
        var before = await server.SnapshotAsync();

        var outcome = await (await server.SendAsync(HttpMethod.Get, query)).ShouldBeRefusedAsync(400, server, before);

        outcome.Issue.Single().Diagnostics.Should().Contain("_summary");
    }

    private static Media NotedPhoto(string patientId)
    {
        var photo = Resources.Photo(patientId);
        photo.Note.Add(new Annotation { Text = new Markdown(Note) });
        return photo;
    }
}
