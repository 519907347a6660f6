using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// Chained search from a patient reference to the patient's identifier (<c>patient.identifier</c>,
/// <c>subject:Patient.identifier</c>), so that an EHR finds results by its MRN; other chains follow <c>Prefer: handling</c>.
/// </summary>
public sealed class ChainedSearchTests
{
    private const string Mrn = "https://hospital.example/sid/mrn";

    [Fact]
    public async Task Finds_photos_observations_results_and_review_tasks_by_the_patients_identifier()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(PatientWithMrn("MRN-1"));
        var other = await server.CreateAsync(PatientWithMrn("MRN-2"));
        var age = await server.CreateAsync(Resources.Age(patient.Id!, 70));
        await server.CreateAsync(Resources.Age(other.Id!, 40));
        var (media, result) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        await ClassifiedPhotos.PostAsync(server, other.Id!);
        var task = (await server.SearchAsync($"/fhir/Task?focus=RiskAssessment/{result.Id}")).MatchIds().Single();

        foreach (var chain in new[] { "subject:Patient.identifier", "subject.identifier", "patient.identifier" })
        {
            (await server.SearchAsync($"/fhir/RiskAssessment?{chain}={Mrn}|MRN-1")).MatchIds().Should().Equal([result.Id], chain);
            (await server.SearchAsync($"/fhir/Media?{chain}={Mrn}|MRN-1")).MatchIds().Should().Equal([media.Id], chain);
            (await server.SearchAsync($"/fhir/Observation?{chain}={Mrn}|MRN-1")).MatchIds().Should().Equal([age.Id], chain);
        }

        (await server.SearchAsync($"/fhir/Task?patient.identifier={Mrn}|MRN-1")).MatchIds().Should().Equal(task);
        (await server.SearchAsync($"/fhir/Task?patient:Patient.identifier=MRN-1")).MatchIds().Should().Equal(task);
        (await server.SearchAsync($"/fhir/RiskAssessment?patient.identifier={Mrn}|MRN-1,{Mrn}|MRN-2")).MatchIds().Should().HaveCount(2);
        (await server.SearchAsync($"/fhir/RiskAssessment?patient.identifier=https://other.example|MRN-1")).MatchIds().Should().BeEmpty();
        (await server.SearchAsync($"/fhir/RiskAssessment?patient.identifier={Mrn}|MRN-3")).Total.Should().Be(0);
        var self = (await server.SearchAsync($"/fhir/Media?subject:Patient.identifier={Mrn}|MRN-1")).Link("self");
        self.Should().Contain("subject%3APatient.identifier=");
    }

    [Theory]
    [InlineData("/fhir/RiskAssessment?subject.name=Smith", "subject.name")]
    [InlineData("/fhir/Media?subject:Device.identifier=x", "subject:Device.identifier")]
    [InlineData("/fhir/Task?focus.identifier=x", "focus.identifier")]
    [InlineData("/fhir/Task?subject.identifier=x", "subject.identifier")]
    public async Task Another_chain_is_ignored_with_a_warning_or_refused_when_strict(string query, string named)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var bundle = await server.SearchAsync(query);
        var outcome = (OperationOutcome)bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource;
        outcome.Issue.Single().Diagnostics.Should().Contain($"'{named}'");

        await (await server.SendAsync(HttpMethod.Get, query, headers: ("Prefer", "handling=strict"))).ShouldBeRefusedAsync(400, server, before);
    }

    [Fact]
    public async Task The_capability_statement_documents_the_chain_on_each_patient_parameter()
    {
        await using var server = await IntakeServer.StartAsync();

        var capability = await (await server.Client.GetAsync("/fhir/metadata")).ReadResourceAsync<CapabilityStatement>();

        foreach (var type in new[] { "RiskAssessment", "Media", "Observation", "Task" })
        {
            capability.Rest.Single().Resource.Single(r => r.Type == type).SearchParam.Single(p => p.Name == "patient")
                .Documentation.Should().Contain("patient.identifier=system|value");
        }
    }

    private static Patient PatientWithMrn(string mrn)
    {
        var patient = Resources.Patient();
        patient.Identifier.Add(new Identifier(Mrn, mrn));
        return patient;
    }
}
