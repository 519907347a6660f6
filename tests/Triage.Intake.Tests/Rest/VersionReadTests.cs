using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>create, read and vread: versions, ETag, Last-Modified, Location; 404 for what does not exist.</summary>
public sealed class VersionReadTests
{
    [Fact]
    public async Task Create_answers_201_with_the_versioned_Location_ETag_and_Last_Modified()
    {
        await using var server = await IntakeServer.StartAsync();

        var response = await server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var patient = await response.ReadResourceAsync<Patient>();
        patient.Meta.VersionId.Should().Be("1");
        patient.Meta.LastUpdated.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        response.Headers.Location!.ToString().Should().Be($"{server.Client.BaseAddress}fhir/Patient/{patient.Id}/_history/1");
        response.ETag().Should().Be("W/\"1\"");
        response.Content.Headers.LastModified.Should().BeCloseTo(patient.Meta.LastUpdated!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Read_gives_the_current_version_and_vread_each_version_as_it_was()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        patient.Gender = AdministrativeGender.Male;
        (await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{patient.Id}", patient)).StatusCode.Should().Be(HttpStatusCode.OK);

        var current = await server.Client.GetAsync($"/fhir/Patient/{patient.Id}");
        var first = await server.Client.GetAsync($"/fhir/Patient/{patient.Id}/_history/1");
        var second = await server.Client.GetAsync($"/fhir/Patient/{patient.Id}/_history/2");

        current.ETag().Should().Be("W/\"2\"");
        (await current.ReadResourceAsync<Patient>()).Gender.Should().Be(AdministrativeGender.Male);
        first.ETag().Should().Be("W/\"1\"");
        (await first.ReadResourceAsync<Patient>()).Gender.Should().Be(AdministrativeGender.Female);
        (await second.ReadResourceAsync<Patient>()).Meta.VersionId.Should().Be("2");
    }

    [Theory]
    [InlineData("/fhir/Patient/no-such-id")]
    [InlineData("/fhir/Patient/no-such-id/_history/1")]
    [InlineData("/fhir/Observation/no-such-id")]
    [InlineData("/fhir/Media/no-such-id/_history/1")]
    [InlineData("/fhir/Binary/no-such-id")]
    [InlineData("/fhir/Binary/6f1b0c51-4b1e-4bb8-9a3e-000000000000")]
    public async Task An_unknown_id_is_404_with_an_OperationOutcome(string path)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var outcome = await (await server.Client.GetAsync(path)).ShouldBeRefusedAsync(404, server, before);

        outcome.Issue.Should().Contain(i => i.Code == OperationOutcome.IssueType.NotFound);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("one")]
    public async Task An_unknown_version_of_a_known_resource_is_404(string version)
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var before = await server.SnapshotAsync();

        var outcome = await (await server.Client.GetAsync($"/fhir/Patient/{patient.Id}/_history/{version}")).ShouldBeRefusedAsync(404, server, before);

        outcome.Issue.Single().Diagnostics.Should().Contain($"no version {version}");
    }

    [Fact]
    public async Task A_photo_is_read_as_its_Binary_raw_or_as_FHIR_with_its_one_version()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var photo = Resources.Photo(patient.Id);
        var media = await server.CreateAsync(photo);
        var binary = $"/fhir/{media.Content.Url}";

        var raw = await server.Client.GetAsync(binary);
        var asFhir = await server.SendAsync(HttpMethod.Get, binary, headers: ("Accept", IntakeServer.FhirJson));
        var version = await server.Client.GetAsync($"{binary}/_history/1?_format=xml");
        var noSecondVersion = await server.Client.GetAsync($"{binary}/_history/2");

        raw.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await raw.Content.ReadAsByteArrayAsync()).Should().Equal(photo.Content.Data);
        raw.ETag().Should().Be("W/\"1\"");
        var resource = await asFhir.ReadResourceAsync<Binary>();
        resource.Data.Should().Equal(photo.Content.Data);
        resource.Meta.VersionId.Should().Be("1");
        version.Content.Headers.ContentType!.MediaType.Should().Be(IntakeServer.FhirXml);
        ((int)noSecondVersion.StatusCode).Should().Be(404);
    }
}
