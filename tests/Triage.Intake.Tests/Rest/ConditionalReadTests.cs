using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// Conditional read: <c>If-None-Match</c> with the current version's ETag (or <c>*</c>), or <c>If-Modified-Since</c> no
/// earlier than the last update, is 304 without a body; an older ETag or date gets the current version.
/// </summary>
public sealed class ConditionalReadTests
{
    [Fact]
    public async Task A_client_holding_the_current_version_gets_304_and_one_holding_an_older_gets_the_new()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var first = await server.Client.GetAsync($"/fhir/Patient/{patient.Id}");
        var etag = first.ETag()!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        var unchanged = await server.SendAsync(HttpMethod.Get, $"/fhir/Patient/{patient.Id}", headers: ("If-None-Match", etag));
        var any = await server.SendAsync(HttpMethod.Get, $"/fhir/Patient/{patient.Id}", headers: ("If-None-Match", "*"));
        var notSince = await server.SendAsync(HttpMethod.Get, $"/fhir/Patient/{patient.Id}", headers: ("If-Modified-Since", lastModified.ToString("R")));
        var since = await server.SendAsync(HttpMethod.Get, $"/fhir/Patient/{patient.Id}", headers: ("If-Modified-Since", lastModified.AddHours(-1).ToString("R")));
        patient.Gender = AdministrativeGender.Male;
        ((int)(await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{patient.Id}", patient)).StatusCode).Should().Be(200);
        var changed = await server.SendAsync(HttpMethod.Get, $"/fhir/Patient/{patient.Id}", headers: ("If-None-Match", etag));

        unchanged.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await unchanged.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        unchanged.ETag().Should().Be(etag);
        any.StatusCode.Should().Be(HttpStatusCode.NotModified);
        notSince.StatusCode.Should().Be(HttpStatusCode.NotModified);
        since.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.ETag().Should().Be("W/\"2\"");
        (await changed.ReadResourceAsync<Patient>()).Gender.Should().Be(AdministrativeGender.Male);
    }

    [Fact]
    public async Task A_conditional_read_of_an_unknown_resource_is_still_404()
    {
        await using var server = await IntakeServer.StartAsync();

        var response = await server.SendAsync(HttpMethod.Get, "/fhir/Patient/never-was", headers: ("If-None-Match", "*"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
