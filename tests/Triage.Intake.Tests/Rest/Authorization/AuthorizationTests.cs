using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Triage.Testing;
using static Triage.Intake.Tests.Rest.Authorization.AuthorizedIntake;

namespace Triage.Intake.Tests.Rest.Authorization;

/// <summary>
/// With an authority configured, the FHIR API takes OAuth 2.0 Bearer tokens of that authority (SMART Backend Services:
/// client credentials) and their SMART system scopes: 401 without a valid token, 403 for what the scopes do not allow,
/// nothing changed either way; the CapabilityStatement and the SMART configuration need no token.
/// </summary>
public sealed class AuthorizationTests
{
    [Fact]
    public async Task Without_a_token_a_request_is_401_with_a_Bearer_challenge_and_the_metadata_says_how_to_get_one()
    {
        await using var intake = await AuthorizedIntake.StartAsync(["system/*.cruds"]);
        var server = intake.Server;
        var before = await server.SnapshotAsync();

        var create = await server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient());
        var forged = await server.SendAsync(HttpMethod.Get, "/fhir/Media", headers: Bearer("not-a-token"));
        var metadata = await (await server.Client.GetAsync("/fhir/metadata")).ReadResourceAsync<CapabilityStatement>();
        using var smart = JsonDocument.Parse(await server.Client.GetStringAsync("/fhir/.well-known/smart-configuration"));

        (await create.ShouldBeRefusedAsync(401, server, before)).Issue.Single().Code.Should().Be(OperationOutcome.IssueType.Login);
        create.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        await forged.ShouldBeRefusedAsync(401, server, before);
        forged.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
        metadata.Rest.Single().Security.Service.Single().Coding.Single().Code.Should().Be("SMART-on-FHIR");
        smart.RootElement.GetProperty("token_endpoint").GetString().Should().Be(new Uri(intake.Provider.Address, "connect/token").ToString());
        smart.RootElement.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()).Should().Contain("system/Media.crs");
    }

    [Fact]
    public async Task A_token_allows_what_its_scopes_grant_and_nothing_else()
    {
        await using var intake = await AuthorizedIntake.StartAsync(["system/Patient.c", "system/Media.c", "system/*.rs"]);
        var server = intake.Server;
        var writer = Bearer(await intake.TokenAsync("system/Patient.c", "system/Media.c"));
        var reader = Bearer(await intake.TokenAsync("system/*.rs"));

        var patient = await (await server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: writer)).ReadResourceAsync<Patient>();
        var photo = await server.SendAsync(HttpMethod.Post, "/fhir/Media", Resources.Photo(patient.Id!), headers: writer);
        var before = await server.SnapshotAsync();
        var searchByWriter = await server.SendAsync(HttpMethod.Get, "/fhir/Media", headers: writer);
        var createByReader = await server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: reader);
        var read = await server.SendAsync(HttpMethod.Get, $"/fhir/Patient/{patient.Id}", headers: reader);
        var search = await server.SendAsync(HttpMethod.Get, $"/fhir/Media?patient={patient.Id}", headers: reader);

        ((int)photo.StatusCode).Should().Be(201);
        (await searchByWriter.ShouldBeRefusedAsync(403, server, before)).Issue.Single().Diagnostics.Should().Contain("system/Media.s");
        (await createByReader.ShouldBeRefusedAsync(403, server, before)).Issue.Single().Code.Should().Be(OperationOutcome.IssueType.Forbidden);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        (await search.ReadResourceAsync<Bundle>()).Total.Should().Be(1);
    }

    [Theory]
    [InlineData("system/*.read", "GET", 200)]
    [InlineData("system/*.read", "POST", 403)]
    [InlineData("system/Patient.write", "POST", 201)]
    [InlineData("system/Patient.*", "POST", 201)]
    [InlineData("patient/Patient.cruds", "POST", 403)]
    [InlineData("system/Patient.cruds?identifier=x|1", "POST", 403)]
    public async Task SMART_v1_scopes_are_honoured_and_patient_or_narrowed_scopes_grant_nothing(string scope, string method, int status)
    {
        await using var intake = await AuthorizedIntake.StartAsync([scope]);
        var token = Bearer(await intake.TokenAsync(scope));

        var response = method == "GET"
            ? await intake.Server.SendAsync(HttpMethod.Get, "/fhir/Patient", headers: token)
            : await intake.Server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: token);

        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_transaction_needs_every_entrys_scope_and_is_refused_whole_without_one()
    {
        await using var intake = await AuthorizedIntake.StartAsync(["system/Patient.c", "system/Media.c"]);
        var server = intake.Server;
        var patientOnly = Bearer(await intake.TokenAsync("system/Patient.c"));
        var both = Bearer(await intake.TokenAsync("system/Patient.c", "system/Media.c"));
        var before = await server.SnapshotAsync();

        var refused = await server.SendAsync(HttpMethod.Post, "/fhir", Transaction(), headers: patientOnly);
        (await refused.ShouldBeRefusedAsync(403, server, before)).Issue.Single().Diagnostics.Should().Contain("system/Media.c");
        var accepted = await server.SendAsync(HttpMethod.Post, "/fhir", Transaction(), headers: both);

        ((int)accepted.StatusCode).Should().Be(200, await accepted.Content.ReadAsStringAsync());
        (await server.CountAsync("Cases")).Should().Be(1);
    }

    [Fact]
    public async Task Included_resources_of_a_type_the_token_may_not_read_are_left_out_and_named()
    {
        await using var intake = await AuthorizedIntake.StartAsync(["system/Patient.c", "system/Media.crs"]);
        var server = intake.Server;
        var token = Bearer(await intake.TokenAsync("system/Patient.c", "system/Media.crs"));
        var patient = await (await server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: token)).ReadResourceAsync<Patient>();
        await server.SendAsync(HttpMethod.Post, "/fhir/Media", Resources.Photo(patient.Id!), headers: token);

        var bundle = await (await server.SendAsync(HttpMethod.Get, "/fhir/Media?_include=Media:patient", headers: token)).ReadResourceAsync<Bundle>();

        bundle.Entry.Should().ContainSingle(e => e.Search.Mode == Bundle.SearchEntryMode.Match);
        bundle.Entry.Should().NotContain(e => e.Resource is Patient);
        var outcome = (OperationOutcome)bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource;
        outcome.Issue.Single().Diagnostics.Should().Contain("system/Patient.r");
    }

    [Fact]
    public async Task A_search_by_the_patients_identifier_needs_Patient_search_too()
    {
        await using var intake = await AuthorizedIntake.StartAsync(["system/Media.s", "system/Patient.s"]);
        var mediaOnly = Bearer(await intake.TokenAsync("system/Media.s"));
        var both = Bearer(await intake.TokenAsync("system/Media.s", "system/Patient.s"));
        var before = await intake.Server.SnapshotAsync();
        const string search = "/fhir/Media?patient.identifier=https://ehr.example.org/mrn|4711";

        var refused = await intake.Server.SendAsync(HttpMethod.Get, search, headers: mediaOnly);
        var allowed = await intake.Server.SendAsync(HttpMethod.Get, search, headers: both);

        (await refused.ShouldBeRefusedAsync(403, intake.Server, before)).Issue.Single().Diagnostics.Should().Contain("system/Patient.s");
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        await using var intake = await AuthorizedIntake.StartAsync(["system/*.cruds"], audience: "another-api");
        var token = Bearer(await intake.TokenAsync("system/*.cruds"));
        var before = await intake.Server.SnapshotAsync();

        var response = await intake.Server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: token);

        await response.ShouldBeRefusedAsync(401, intake.Server, before);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
    }

    [Fact]
    public async Task Every_request_is_in_the_access_log_with_its_client_and_answer_but_not_its_query()
    {
        await using var intake = await AuthorizedIntake.StartAsync(["system/Patient.cr"]);
        var token = Bearer(await intake.TokenAsync("system/Patient.cr"));
        var patient = await (await intake.Server.SendAsync(HttpMethod.Post, "/fhir/Patient", Resources.Patient(), headers: token)).ReadResourceAsync<Patient>();

        await intake.Server.SendAsync(HttpMethod.Get, $"/fhir/Patient/{patient.Id}", headers: token);
        await intake.Server.SendAsync(HttpMethod.Get, "/fhir/Media?identifier=https://ehr.example.org/mrn|4711", headers: token);
        await intake.Server.SendAsync(HttpMethod.Get, $"/fhir/Patient/{patient.Id}");
        await Poll.UntilAsync(() => intake.AuditRecords.Count >= 4, "four lines in the access log");

        intake.AuditRecords.Select(r => r.Message).Should().Equal(
            $"FHIR POST /fhir/Patient - by client {ClientId}: 201",
            $"FHIR GET /fhir/Patient/{{id}} {patient.Id} by client {ClientId}: 200",
            $"FHIR GET /fhir/Media - by client {ClientId}: 403",
            $"FHIR GET /fhir/Patient/{{id}} {patient.Id} refused: no valid access token");
        intake.AuditRecords.Should().NotContain(r => r.Message.Contains("4711"), "search values may identify a patient");
    }

    private static Bundle Transaction()
    {
        var patient = Resources.Patient();
        var photo = Resources.Photo("urn:uuid:1c8f0a1e-5b0e-4a55-9f57-3d7e0d1f2a10");
        photo.Subject = new ResourceReference("urn:uuid:1c8f0a1e-5b0e-4a55-9f57-3d7e0d1f2a10");
        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new() { FullUrl = "urn:uuid:1c8f0a1e-5b0e-4a55-9f57-3d7e0d1f2a10", Resource = patient, Request = new() { Method = Bundle.HTTPVerb.POST, Url = "Patient" } },
                new() { FullUrl = "urn:uuid:7d1c2b3a-0f4e-4d5c-8b6a-9e8f7a6b5c4d", Resource = photo, Request = new() { Method = Bundle.HTTPVerb.POST, Url = "Media" } },
            ],
        };
    }
}
