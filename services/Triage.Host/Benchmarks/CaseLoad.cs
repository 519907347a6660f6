using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Triage.Fhir.Cases;
using Triage.Fhir.Serialization;
using Triage.Imaging;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Benchmarks;

/// <summary>
/// What many EHRs at once do: each of <c>concurrency</c> clients posts real cases as transaction Bundles and
/// polls the RiskAssessment search until the answer is there. A case's latency runs from the start of its post
/// to the first search that finds its RiskAssessment (so it is at most one polling interval late).
/// </summary>
public sealed class CaseLoad(HttpClient client, TimeSpan pollingInterval, TimeSpan timeout)
{
    private const string FhirJsonType = "application/fhir+json";

    /// <param name="runName">Makes the cases' identifiers unique, so that no post is taken for a duplicate.</param>
    public async Task<CaseLoadResult> RunAsync(IReadOnlyList<PadUfes20Case> cases, int count, int concurrency, string runName, CancellationToken cancellationToken)
    {
        var photos = cases.Select(c => File.ReadAllBytes(c.ImagePath)).ToArray();
        var latencies = new double[count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var source = cases[i % cases.Count];
            var bundle = PadUfesCaseBundle.Create(
                $"{source.PatientId}-{runName}-{i}", $"{source.ImageId}-{runName}-{i}", photos[i % cases.Count], ContentTypeOf(source.ImagePath), source.Features,
                $"{source.LesionId}-{runName}-{i}");
            var started = clock.Elapsed;
            var patientId = await PostAsync(bundle, token);
            await WaitForRiskAssessmentAsync(patientId, token);
            latencies[i] = (clock.Elapsed - started).TotalMilliseconds;
        });
        return new CaseLoadResult(count, concurrency, clock.Elapsed.TotalSeconds, latencies);
    }

    private async Task<string> PostAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        var content = new StringContent(FhirJson.Serialize(bundle), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(FhirJsonType);
        using var response = await client.PostAsync("fhir", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The case was refused ({(int)response.StatusCode}): {body}");
        }

        var answer = FhirJson.Parse<Bundle>(body);
        return answer.Entry.Select(e => e.Response?.Location ?? "").Single(l => l.StartsWith("Patient/", StringComparison.Ordinal)).Split('/')[1];
    }

    private async Task WaitForRiskAssessmentAsync(string patientId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync($"fhir/RiskAssessment?subject=Patient/{patientId}", cancellationToken);
            var found = FhirJson.Parse<Bundle>(await response.Content.ReadAsStringAsync(cancellationToken));
            if (found.Entry.Count > 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No RiskAssessment for Patient/{patientId} within {timeout}.");
            }

            await System.Threading.Tasks.Task.Delay(pollingInterval, cancellationToken);
        }
    }

    private static string ContentTypeOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" ? ImageInfo.Jpeg : ImageInfo.Png;
}

/// <param name="LatenciesMs">Each case's time from post to answer.</param>
public sealed record CaseLoadResult(int Cases, int Concurrency, double Seconds, IReadOnlyList<double> LatenciesMs)
{
    public double CasesPerSecond => Cases / Seconds;

    public InferenceLatency Latency(string name) => InferenceLatency.From(name, "FHIR post to RiskAssessment", "", 1, LatenciesMs);
}
