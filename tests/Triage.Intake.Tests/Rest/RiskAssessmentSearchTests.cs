using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>GET /fhir/RiskAssessment</c> by <c>_id</c> and <c>_lastUpdated</c>, with or without the patient.</summary>
public sealed class RiskAssessmentSearchTests
{
    [Fact]
    public async Task Finds_by_id_and_by_when_each_was_written()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var first = (await ClassifiedPhotos.PostAsync(server, patient.Id)).RiskAssessment;
        var second = (await ClassifiedPhotos.PostAsync(server, patient.Id)).RiskAssessment;
        var secondWritten = Uri.EscapeDataString(second.Meta.LastUpdated!.Value.ToString("O"));
        var thisYear = DateTimeOffset.UtcNow.Year;

        (await IdsAsync(server, $"_id={first.Id}")).Should().Equal(first.Id);
        (await IdsAsync(server, $"_id={first.Id},{second.Id}&patient={patient.Id}")).Should().Equal(second.Id, first.Id);
        (await IdsAsync(server, $"_id=no-such-id")).Should().BeEmpty();
        (await IdsAsync(server, $"_lastUpdated={thisYear}")).Should().Equal(second.Id, first.Id);
        (await IdsAsync(server, $"_lastUpdated=lt{thisYear}")).Should().BeEmpty();
        (await IdsAsync(server, $"_lastUpdated=ge{secondWritten}")).Should().Equal(second.Id);
        (await IdsAsync(server, $"_lastUpdated=lt{secondWritten}&subject=Patient/{patient.Id}")).Should().Equal(first.Id);
        (await IdsAsync(server, $"_lastUpdated=ge{thisYear}-01&_lastUpdated=le{thisYear}-12-31")).Should().Equal(second.Id, first.Id);
    }

    [Theory]
    [InlineData("_lastUpdated=yesterday")]
    [InlineData("_lastUpdated=ge")]
    [InlineData("_lastUpdated=2026-13")]
    [InlineData("_id=")]
    public async Task A_value_that_is_not_one_is_refused_with_400(string query)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        await (await server.Client.GetAsync($"/fhir/RiskAssessment?{query}")).ShouldBeRefusedAsync(400, server, before);
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(IntakeServer server, string query)
    {
        var response = await server.Client.GetAsync($"/fhir/RiskAssessment?{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bundle = await response.ReadResourceAsync<Bundle>();
        bundle.Total.Should().Be(bundle.Entry.Count);
        return bundle.Entry.Select(e => e.Resource.Id!).ToList();
    }
}
