using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>Prefer: return=minimal | representation | OperationOutcome</c> on create and update.</summary>
public sealed class PreferHeaderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("return=representation")]
    public async Task Representation_is_the_resource_as_stored(string? prefer)
    {
        await using var server = await IntakeServer.StartAsync();

        var response = await server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: Headers(prefer));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.ReadResourceAsync<Patient>()).Meta.VersionId.Should().Be("1");
    }

    [Fact]
    public async Task Minimal_is_an_empty_body_with_the_headers()
    {
        await using var server = await IntakeServer.StartAsync();

        var response = await server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: ("Prefer", "return=minimal"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        response.Headers.Location!.ToString().Should().MatchRegex("/fhir/Patient/[^/]+/_history/1$");
        response.ETag().Should().Be("W/\"1\"");
        (await server.CountAsync("FhirResources")).Should().Be(1);
    }

    [Fact]
    public async Task OperationOutcome_says_what_was_stored()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        patient.Gender = AdministrativeGender.Other;

        var response = await server.SendAsync(
            HttpMethod.Put, $"/fhir/Patient/{patient.Id}", patient, headers: ("Prefer", "return=OperationOutcome"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var outcome = await response.ReadResourceAsync<OperationOutcome>();
        outcome.Issue.Should().ContainSingle().Which.Severity.Should().Be(OperationOutcome.IssueSeverity.Information);
        outcome.Issue[0].Diagnostics.Should().Contain($"Patient/{patient.Id}/_history/2");
        response.ETag().Should().Be("W/\"2\"");
    }

    [Fact]
    public async Task Minimal_applies_to_an_update_too()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());

        var response = await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{patient.Id}", patient, headers: ("Prefer", "return=minimal"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        response.ETag().Should().Be("W/\"2\"");
    }

    [Fact]
    public async Task Other_preferences_beside_return_are_left_alone()
    {
        await using var server = await IntakeServer.StartAsync();

        var response = await server.SendAsync(
            HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: ("Prefer", "handling=strict, return=minimal"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("return=everything")]
    [InlineData("return")]
    [InlineData("return=Minimal")]
    public async Task An_unsupported_return_value_is_refused_with_400_and_creates_nothing(string prefer)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var response = await server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: ("Prefer", prefer));

        (await response.ShouldBeRefusedAsync(400, server, before)).Issue.Single().Expression.Should().Equal("Prefer");
    }

    private static (string, string)[] Headers(string? prefer) => prefer is null ? [] : [("Prefer", prefer)];
}
