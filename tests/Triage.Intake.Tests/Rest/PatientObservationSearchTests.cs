using System.Net;
using Hl7.Fhir.Model;
using Triage.Fhir.Terminology;

namespace Triage.Intake.Tests.Rest;

/// <summary>Patient by identifier; Observation by patient and by code (LOINC or the project's clinical-feature code).</summary>
public sealed class PatientObservationSearchTests
{
    [Fact]
    public async Task A_patient_is_found_by_the_EHR_identifier_and_its_observations_by_patient_and_code()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = Resources.Patient();
        patient.Identifier.Add(new Identifier(TriageTerminology.PadUfes20PatientIdentifierSystem, "PAT_77"));
        var stored = await server.CreateAsync(patient);
        var other = await server.CreateAsync(Resources.Patient());
        var age = await server.CreateAsync(Resources.Age(stored.Id, 61));
        await server.CreateAsync(Resources.Age(other.Id, 44));

        var byIdentifier = await SearchAsync(server, $"/fhir/Patient?identifier={TriageTerminology.PadUfes20PatientIdentifierSystem}|PAT_77");
        var byPatient = await SearchAsync(server, $"/fhir/Observation?patient={stored.Id}");
        var byCode = await SearchAsync(server, "/fhir/Observation?code=http://loinc.org|30525-0");
        var byCodeOfThisPatient = await SearchAsync(server, $"/fhir/Observation?subject=Patient/{stored.Id}&code=30525-0");
        var noSuchCode = await SearchAsync(server, "/fhir/Observation?code=http://loinc.org|0000-0");

        byIdentifier.Should().Equal(stored.Id);
        byPatient.Should().Equal(age.Id);
        byCode.Should().HaveCount(2);
        byCodeOfThisPatient.Should().Equal(age.Id);
        noSuchCode.Should().BeEmpty();
    }

    private static async Task<IReadOnlyList<string>> SearchAsync(IntakeServer server, string path)
    {
        var response = await server.Client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bundle = await response.ReadResourceAsync<Bundle>();
        return [.. bundle.Entry.Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Match).Select(e => e.Resource.Id!)];
    }
}
