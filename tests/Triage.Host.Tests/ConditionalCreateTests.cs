using System.Net;
using Hl7.Fhir.Model;
using Microsoft.Data.Sqlite;

namespace Triage.Host.Tests;

/// <summary>
/// An EHR that retries, or posts the same case from several threads, gets one Patient, one Media,
/// one case and one RiskAssessment: If-None-Exist backed by the identifiers' unique key.
/// </summary>
public sealed class ConditionalCreateTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Many_identical_transactions_at_once_create_the_case_once()
    {
        var realCase = RealCases.Any(5);
        var json = Triage.Fhir.Serialization.FhirJson.Serialize(FhirClient.BundleFor(realCase));

        var responses = await System.Threading.Tasks.Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => _host.Client.PostRawAsync("/fhir", json)));

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var answers = await System.Threading.Tasks.Task.WhenAll(responses.Select(r => r.ReadAsync<Bundle>()));
        var mediaLocations = answers.Select(a => a.Entry.Single(e => e.Response.Location.StartsWith("Media/")).Response).ToList();
        mediaLocations.Select(r => r.Location).Distinct().Should().ContainSingle("every post names the same Media");
        mediaLocations.Count(r => r.Status == "201 Created").Should().Be(1);
        mediaLocations.Count(r => r.Status == "200 OK").Should().Be(7);

        var patientId = answers[0].Entry.Single(e => e.Response.Location.StartsWith("Patient/")).Response.Location.Split('/')[1];
        await _host.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(30));
        (await CountAsync("SELECT COUNT(*) FROM FhirResources WHERE ResourceType = 'Patient'")).Should().Be(1);
        (await CountAsync("SELECT COUNT(*) FROM FhirResources WHERE ResourceType = 'Media'")).Should().Be(1);
        (await CountAsync("SELECT COUNT(*) FROM Cases")).Should().Be(1);
        (await CountAsync("SELECT COUNT(*) FROM FhirResources WHERE ResourceType = 'RiskAssessment'")).Should().Be(1);
    }

    [Fact]
    public async Task A_conditional_create_by_header_answers_201_then_200_with_the_same_resource()
    {
        var patient = """{"resourceType":"Patient","identifier":[{"system":"https://ehr.example.org/mrn","value":"42"}]}""";
        var request = () => new HttpRequestMessage(HttpMethod.Post, "/fhir/Patient")
        {
            Content = new StringContent(patient, System.Text.Encoding.UTF8, FhirClient.FhirJson),
            Headers = { { "If-None-Exist", "identifier=https://ehr.example.org/mrn|42" } },
        };

        var first = await _host.Client.SendAsync(request());
        var second = await _host.Client.SendAsync(request());

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.ReadAsync<Patient>()).Id.Should().Be((await first.ReadAsync<Patient>()).Id);
    }

    [Fact]
    public async Task The_same_identifier_without_a_condition_is_a_conflict()
    {
        var patient = """{"resourceType":"Patient","identifier":[{"system":"https://ehr.example.org/mrn","value":"77"}]}""";
        (await _host.Client.PostRawAsync("/fhir/Patient", patient)).StatusCode.Should().Be(HttpStatusCode.Created);

        var duplicate = await _host.Client.PostRawAsync("/fhir/Patient", patient);

        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await duplicate.ReadAsync<OperationOutcome>()).Issue.Should().NotBeEmpty();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
