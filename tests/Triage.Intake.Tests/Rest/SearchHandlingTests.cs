using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// Search parameters the server does not support are ignored and named in an outcome entry (lenient, the default), or
/// refused with 400 under <c>Prefer: handling=strict</c>, as microsoft/fhir-server does.
/// </summary>
public sealed class SearchHandlingTests
{
    [Theory]
    [InlineData("/fhir/Media?color=red", "color")]
    [InlineData("/fhir/Task?status:not=completed", "status:not")]
    [InlineData("/fhir/RiskAssessment?_sort=date", "_sort=date")]
    [InlineData("/fhir/RiskAssessment?_include=RiskAssessment:encounter", "_include=RiskAssessment:encounter")]
    [InlineData("/fhir/Provenance?_include=Task:focus", "_include=Task:focus")]
    public async Task An_unsupported_parameter_is_ignored_and_named(string query, string named)
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        await server.CreateAsync(Resources.Photo(patient.Id!));

        var bundle = await server.SearchAsync(query);

        var outcome = (OperationOutcome)bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource;
        outcome.Issue.Should().ContainSingle().Which.Diagnostics.Should().Contain($"'{named}'");
        outcome.Issue[0].Severity.Should().Be(OperationOutcome.IssueSeverity.Warning);
        bundle.Link("self").Should().NotContain(named.Split('=')[0].Split(':')[0] + (named.StartsWith('_') ? "" : "="));
    }

    [Theory]
    [InlineData("/fhir/Media?color=red")]
    [InlineData("/fhir/Task?status:not=completed")]
    [InlineData("/fhir/RiskAssessment?_include=RiskAssessment:encounter")]
    public async Task An_unsupported_parameter_is_refused_when_the_client_asks_for_strict_handling(string query)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var outcome = await (await server.SendAsync(HttpMethod.Get, query, headers: ("Prefer", "handling=strict"))).ShouldBeRefusedAsync(400, server, before);
        outcome.Issue.Single().Code.Should().Be(OperationOutcome.IssueType.NotSupported);
    }

    [Fact]
    public async Task Lenient_handling_asked_for_ignores_as_the_default_does()
    {
        await using var server = await IntakeServer.StartAsync();

        var bundle = await server.SearchAsync("/fhir/Media?color=red&_format=json", ("Prefer", "handling=lenient"));

        bundle.Entry.Should().ContainSingle(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome);
        bundle.Link("self").Should().Contain("_format=json");
    }
}
