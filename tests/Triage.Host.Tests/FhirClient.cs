using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Triage.Fhir.Cases;
using Triage.Fhir.Serialization;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Tests;

/// <summary>What an EHR does against the platform, over real HTTP.</summary>
public static class FhirClient
{
    public const string FhirJson = "application/fhir+json";

    public static Bundle BundleFor(PadUfes20Case realCase) =>
        PadUfesCaseBundle.Create(realCase.PatientId, realCase.ImageId, File.ReadAllBytes(realCase.ImagePath), "image/png", realCase.Features, realCase.LesionId);

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, Resource resource) =>
        client.PostRawAsync(path, Triage.Fhir.Serialization.FhirJson.Serialize(resource));

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType = FhirJson)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(path, content);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
        where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType?.MediaType.Should().Be(FhirJson, body);
        return Triage.Fhir.Serialization.FhirJson.Parse(body).Should().BeOfType<T>().Subject;
    }

    /// <summary>Posts the case as a transaction and returns the ids the server gave the Patient and the Media.</summary>
    public static async Task<(string PatientId, string MediaId)> PostCaseAsync(this HttpClient client, PadUfes20Case realCase)
    {
        var response = await client.PostAsync("/fhir", BundleFor(realCase));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.ReadAsync<Bundle>();
        answer.Type.Should().Be(Bundle.BundleType.TransactionResponse);
        answer.Entry.Should().OnlyContain(e => e.Response!.Status == "201 Created");
        string IdOf(string type) => answer.Entry.Select(e => e.Response!.Location!).Single(l => l.StartsWith(type + "/")).Split('/')[1];
        return (IdOf("Patient"), IdOf("Media"));
    }

    /// <summary>Polls the RiskAssessment search for the patient until one appears.</summary>
    public static async Task<RiskAssessment> WaitForRiskAssessmentAsync(this HttpClient client, string patientId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var response = await client.GetAsync($"/fhir/RiskAssessment?subject=Patient/{patientId}");
            var bundle = await response.ReadAsync<Bundle>();
            if (bundle.Entry.Count > 0)
            {
                return bundle.Entry.Single().Resource.Should().BeOfType<RiskAssessment>().Subject;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No RiskAssessment for Patient/{patientId} within {timeout}.");
            }

            await System.Threading.Tasks.Task.Delay(100);
        }
    }
}
