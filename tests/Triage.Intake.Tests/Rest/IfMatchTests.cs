using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>PUT update: the next version, only of the version If-Match names; every refusal changes nothing.</summary>
public sealed class IfMatchTests
{
    private static async Task<(IntakeServer Server, Patient Patient)> PatientOnServerAsync()
    {
        var server = await IntakeServer.StartAsync();
        var patient = Resources.Patient();
        patient.Identifier = [new Identifier("https://ehr.example.org/patients", "p-1")];
        return (server, await server.CreateAsync(patient));
    }

    [Fact]
    public async Task An_update_of_the_current_version_stores_the_next_one()
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;
        patient.Gender = AdministrativeGender.Male;

        var response = await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{patient.Id}", patient, headers: ("If-Match", "W/\"1\""));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.ETag().Should().Be("W/\"2\"");
        var updated = await response.ReadResourceAsync<Patient>();
        updated.Meta.VersionId.Should().Be("2");
        updated.Meta.LastUpdated.Should().BeOnOrAfter(patient.Meta.LastUpdated!.Value);
        (await server.SnapshotAsync()).Select(r => r.Split('|')).Where(r => r is ["Patient", _, _, _, _, _, _]).Select(r => $"{r[2]}|{r[3]}")
            .Should().Equal("1|0", "2|1");
    }

    [Theory]
    [InlineData("W/\"2\"")]
    [InlineData("\"0\"")]
    public async Task An_If_Match_naming_another_version_is_refused_with_412(string ifMatch)
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;
        var before = await server.SnapshotAsync();
        patient.Gender = AdministrativeGender.Male;

        var response = await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{patient.Id}", patient, headers: ("If-Match", ifMatch));

        await response.ShouldBeRefusedAsync(412, server, before);
    }

    [Fact]
    public async Task The_loser_of_two_updates_of_the_same_version_gets_412()
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
        {
            var copy = (Patient)patient.DeepCopy();
            copy.BirthDate = $"19{50 + i}";
            return server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{patient.Id}", copy, headers: ("If-Match", "W/\"1\""));
        }));

        responses.Select(r => (int)r.StatusCode).Should().ContainSingle(s => s == 200).And.OnlyContain(s => s == 200 || s == 412);
        (await server.CountAsync("FhirResources")).Should().Be(2);
    }

    /// <param name="Id">The id in the URL; <c>{id}</c> is the stored patient's.</param>
    /// <param name="BodyId">The id in the body; <c>{id}</c> is the stored patient's, null for none.</param>
    public sealed record Refusal(string Name, string Id, string? IfMatch, string? BodyId, int Status)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Refusal> Refusals() =>
    [
        new("If-Match on a resource that does not exist", "unknown-id", "W/\"1\"", "unknown-id", 404),
        new("update of a resource that does not exist", "unknown-id", null, "unknown-id", 405),
        new("If-Match that is no entity tag", "{id}", "1", "{id}", 400),
        new("body id other than the URL's", "{id}", "W/\"1\"", "other-id", 400),
        new("body without id", "{id}", "W/\"1\"", null, 400),
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Is_refused_and_changes_nothing(Refusal refusal)
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;
        var id = refusal.Id.Replace("{id}", patient.Id, StringComparison.Ordinal);
        patient.Id = refusal.BodyId?.Replace("{id}", patient.Id, StringComparison.Ordinal);
        var before = await server.SnapshotAsync();
        var headers = refusal.IfMatch is null ? [] : new[] { ("If-Match", refusal.IfMatch) };

        var response = await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{id}", patient, headers: headers);

        await response.ShouldBeRefusedAsync(refusal.Status, server, before);
    }

    [Fact]
    public async Task A_body_of_another_resource_type_is_refused_with_400()
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;
        var before = await server.SnapshotAsync();
        var observation = Resources.Age(patient.Id, 50);
        observation.Id = patient.Id;

        await (await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{patient.Id}", observation)).ShouldBeRefusedAsync(400, server, before);
    }

    [Fact]
    public async Task An_observation_updated_to_a_value_intake_cannot_use_is_refused_with_422()
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;
        var observation = await server.CreateAsync(Resources.Age(patient.Id, 50));
        var before = await server.SnapshotAsync();
        observation.Value = new Quantity(200, "a") { System = "http://unitsofmeasure.org" };

        await (await server.SendAsync(HttpMethod.Put, $"/fhir/Observation/{observation.Id}", observation)).ShouldBeRefusedAsync(422, server, before);
    }

    [Fact]
    public async Task An_update_giving_a_patient_another_patients_identifier_is_refused_with_409()
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;
        var other = await server.CreateAsync(Resources.Patient());
        var before = await server.SnapshotAsync();
        other.Identifier = [new Identifier("https://ehr.example.org/patients", "p-1")];

        await (await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{other.Id}", other)).ShouldBeRefusedAsync(409, server, before);
    }

    [Fact]
    public async Task An_update_that_changes_the_identifier_frees_the_old_one()
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;
        patient.Identifier = [new Identifier("https://ehr.example.org/patients", "p-2")];

        (await server.SendAsync(HttpMethod.Put, $"/fhir/Patient/{patient.Id}", patient)).StatusCode.Should().Be(HttpStatusCode.OK);
        var reuse = Resources.Patient();
        reuse.Identifier = [new Identifier("https://ehr.example.org/patients", "p-1")];
        await server.CreateAsync(reuse);

        (await server.SnapshotAsync()).Where(r => r.StartsWith("Patient|https", StringComparison.Ordinal)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_photo_cannot_be_updated()
    {
        var (server, patient) = await PatientOnServerAsync();
        await using var _ = server;
        var media = await server.CreateAsync(Resources.Photo(patient.Id));
        var before = await server.SnapshotAsync();

        await (await server.SendAsync(HttpMethod.Put, $"/fhir/Media/{media.Id}", media)).ShouldBeRefusedAsync(405, server, before);
    }
}
