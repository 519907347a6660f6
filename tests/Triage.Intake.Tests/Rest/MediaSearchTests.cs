using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>GET /fhir/Media</c> by patient, identifier (system|value) and created (with date prefixes).</summary>
public sealed class MediaSearchTests
{
    private const string ImageSystem = "https://clinic.example/sid/photo";

    [Fact]
    public async Task Finds_photos_by_patient_identifier_and_when_they_were_taken()
    {
        await using var server = await IntakeServer.StartAsync();
        var alice = await server.CreateAsync(Resources.Patient());
        var bob = await server.CreateAsync(Resources.Patient());
        var may = await server.CreateAsync(Photo(alice.Id!, "p-1", "2025-05-14T10:30:00+02:00"));
        var june = await server.CreateAsync(Photo(alice.Id!, "p-2", "2025-06-02"));
        var bobs = await server.CreateAsync(Photo(bob.Id!, "p-3", null));

        (await server.SearchAsync($"/fhir/Media?patient={alice.Id}")).MatchIds().Should().Equal(june.Id, may.Id);
        (await server.SearchAsync($"/fhir/Media?subject=Patient/{bob.Id}")).MatchIds().Should().Equal(bobs.Id);
        (await server.SearchAsync($"/fhir/Media?identifier={ImageSystem}|p-2")).MatchIds().Should().Equal(june.Id);
        (await server.SearchAsync("/fhir/Media?identifier=p-1")).MatchIds().Should().Equal(may.Id);
        (await server.SearchAsync($"/fhir/Media?identifier={ImageSystem}|p-1,{ImageSystem}|p-3")).MatchIds().Should().Equal(bobs.Id, may.Id);
        (await server.SearchAsync("/fhir/Media?identifier=https://other.example|p-1")).MatchIds().Should().BeEmpty();
        (await server.SearchAsync("/fhir/Media?created=2025-05")).MatchIds().Should().Equal(may.Id);
        (await server.SearchAsync("/fhir/Media?created=2025-05-14")).MatchIds().Should().Equal(may.Id);
        (await server.SearchAsync("/fhir/Media?created=ge2025-06-01")).MatchIds().Should().Equal(june.Id);
        (await server.SearchAsync("/fhir/Media?created=lt2025-06")).MatchIds().Should().Equal(may.Id);
        (await server.SearchAsync("/fhir/Media?created=ge2025&created=le2025-12-31")).MatchIds().Should().Equal(june.Id, may.Id);
        (await server.SearchAsync("/fhir/Media?created=sa2025-05-31")).MatchIds().Should().Equal(june.Id);
        (await server.SearchAsync("/fhir/Media?created=eb2025-06")).MatchIds().Should().Equal(may.Id);
        (await server.SearchAsync("/fhir/Media?created=ne2025-06-02")).MatchIds().Should().Equal(may.Id);
        (await server.SearchAsync($"/fhir/Media?created=2025-05-14T08:30:00Z&patient={alice.Id}")).MatchIds().Should().Equal(may.Id);
    }

    [Theory]
    [InlineData("created=last-week")]
    [InlineData("created=ge")]
    [InlineData("identifier=")]
    [InlineData("patient=Device/1")]
    [InlineData("_count=-1")]
    [InlineData("_count=many")]
    [InlineData("_cursor=not-a-cursor")]
    public async Task A_value_that_is_not_one_is_refused_with_400(string query)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        await (await server.Client.GetAsync($"/fhir/Media?{query}")).ShouldBeRefusedAsync(400, server, before);
    }

    private static Media Photo(string patientId, string identifier, string? created)
    {
        var photo = Resources.Photo(patientId);
        photo.Identifier = [new Identifier(ImageSystem, identifier)];
        photo.Created = created is null ? null : new FhirDateTime(created);
        return photo;
    }
}
