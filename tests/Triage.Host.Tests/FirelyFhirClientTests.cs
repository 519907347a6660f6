using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Triage.Fhir.Terminology;
using Triage.Testing;
using FirelyClient = Hl7.Fhir.Rest.FhirClient;

namespace Triage.Host.Tests;

/// <summary>
/// The Firely SDK's own <c>FhirClient</c> as the EHR, against the real embedded host over HTTP: what an integrator
/// writes with the most common .NET FHIR library must work as it expects.
/// </summary>
public sealed class FirelyFhirClientTests
{
    [Fact]
    public async Task An_EHR_on_the_Firely_client_posts_a_real_case_finds_its_result_by_MRN_and_updates_with_version_checks()
    {
        await using var host = await RunningHost.StartAsync();
        using var http = new HttpClient();
        using var ehr = new FirelyClient(new Uri(host.Client.BaseAddress!, "/fhir/"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });
        var realCase = RealCases.CompleteCancer();
        var mrn = $"{TriageTerminology.PadUfes20PatientIdentifierSystem}|{realCase.PatientId}";

        var answer = await ehr.TransactionAsync(FhirClient.BundleFor(realCase));

        answer!.Type.Should().Be(Bundle.BundleType.TransactionResponse);
        answer.Entry.Should().OnlyContain(e => e.Response.Status.StartsWith("201"));
        var patientId = answer.Entry.Select(e => e.Response.Location).Single(l => l.StartsWith("Patient/")).Split('/')[1];

        var same = await ehr.ConditionalCreateAsync(
            new Patient { Identifier = [new Identifier(TriageTerminology.PadUfes20PatientIdentifierSystem, realCase.PatientId)] },
            new SearchParams().Where($"identifier={mrn}"));
        same!.Id.Should().Be(patientId, "If-None-Exist finds the patient the transaction created");

        var results = await WaitForResultAsync(ehr, mrn);
        var risk = results.Entry.Select(e => e.Resource).OfType<RiskAssessment>().Single();
        risk.Subject.Reference.Should().Be($"Patient/{patientId}");
        risk.Prediction.Should().HaveCount(6);
        results.Entry.Select(e => e.Resource).OfType<Device>().Should().ContainSingle("the deciding model, included");
        results.Entry.Select(e => e.Resource).OfType<Provenance>().Single().Target.Single().Reference.Should().Be($"RiskAssessment/{risk.Id}");

        var patient = (await ehr.ReadAsync<Patient>($"Patient/{patientId}"))!;
        var stale = (Patient)patient.DeepCopy();
        patient.BirthDate = "1970";
        var updated = await ehr.UpdateAsync(patient, versionAware: true);
        updated!.Meta.VersionId.Should().Be("2");
        stale.BirthDate = "1971";
        var refused = await FluentActions.Awaiting(() => ehr.UpdateAsync(stale, versionAware: true)).Should().ThrowAsync<FhirOperationException>();
        refused.Which.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        refused.Which.Outcome.Issue.Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_example_bundle_in_the_docs_is_accepted_and_classified()
    {
        await using var host = await RunningHost.StartAsync();
        var example = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "examples", "pad-ufes-20-case-transaction.json"));

        var response = await host.Client.PostRawAsync("/fhir", example);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.ReadAsync<Bundle>();
        var patientId = answer.Entry.Select(e => e.Response!.Location!).Single(l => l.StartsWith("Patient/")).Split('/')[1];
        (await host.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(60))).Prediction.Should().HaveCount(6);
    }

    private static async Task<Bundle> WaitForResultAsync(FirelyClient ehr, string mrn)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var found = (await ehr.SearchAsync<RiskAssessment>([$"patient.identifier={mrn}"],
                includes: ["RiskAssessment:performer"], revIncludes: ["Provenance:target"]))!;
            if (found.Entry.Any(e => e.Resource is RiskAssessment))
            {
                return found;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the case should be classified");
            await Task.Delay(200);
        }
    }
}
