using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>GET /fhir/{type}/{id}/_history</c>: a history Bundle, newest first.</summary>
public sealed class HistoryTests
{
    [Fact]
    public async Task Lists_every_version_newest_first_with_how_each_came_to_be()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var observation = await server.CreateAsync(Resources.Age(patient.Id, 60));
        foreach (var years in new[] { 61, 62 })
        {
            observation.Value = new Quantity(years, "a") { System = "http://unitsofmeasure.org", Unit = "a" };
            var update = await server.SendAsync(HttpMethod.Put, $"/fhir/Observation/{observation.Id}", observation);
            update.StatusCode.Should().Be(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        }

        var response = await server.Client.GetAsync($"/fhir/Observation/{observation.Id}/_history");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var history = await response.ReadResourceAsync<Bundle>();
        history.Type.Should().Be(Bundle.BundleType.History);
        history.Total.Should().Be(3);
        history.Entry.Select(e => e.Resource.Meta.VersionId).Should().Equal("3", "2", "1");
        history.Entry.Select(e => ((Quantity)((Observation)e.Resource).Value).Value).Should().Equal(62m, 61m, 60m);
        history.Entry.Select(e => e.Request.Method).Should().Equal(Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.POST);
        history.Entry.Select(e => e.Response.Status).Should().Equal("200 OK", "200 OK", "201 Created");
        history.Entry.Select(e => e.Response.Etag).Should().Equal("W/\"3\"", "W/\"2\"", "W/\"1\"");
        history.Entry.Should().OnlyContain(e => e.FullUrl == $"{server.Client.BaseAddress}fhir/Observation/{observation.Id}");
        history.Entry.Select(e => e.Response.LastModified).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task A_photo_has_one_version()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var media = await server.CreateAsync(Resources.Photo(patient.Id));

        var mediaHistory = await (await server.Client.GetAsync($"/fhir/Media/{media.Id}/_history")).ReadResourceAsync<Bundle>();
        var binaryHistory = await (await server.Client.GetAsync($"/fhir/{media.Content.Url}/_history")).ReadResourceAsync<Bundle>();

        mediaHistory.Entry.Should().ContainSingle().Which.Resource.Meta.VersionId.Should().Be("1");
        binaryHistory.Type.Should().Be(Bundle.BundleType.History);
        binaryHistory.Entry.Should().ContainSingle().Which.Resource.Should().BeOfType<Binary>();
    }

    [Fact]
    public async Task The_history_of_an_unknown_resource_is_404()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        await (await server.Client.GetAsync("/fhir/Patient/no-such-id/_history")).ShouldBeRefusedAsync(404, server, before);
    }
}
