using System.Diagnostics;
using Hl7.Fhir.Model;
using Xunit.Abstractions;

namespace Triage.Host.Tests;

/// <summary>The whole flow through the real host: FHIR in over HTTP, SQLite file, in-memory bus, ONNX model, FHIR out.</summary>
public sealed class TransactionFlowTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_real_case_posted_as_a_transaction_yields_a_risk_assessment()
    {
        var realCase = RealCases.CompleteCancer();
        var clock = Stopwatch.StartNew();

        var (patientId, mediaId) = await _host.Client.PostCaseAsync(realCase);
        var risk = await _host.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(30));
        output.WriteLine($"{realCase.ImageId}: RiskAssessment after {clock.ElapsedMilliseconds} ms");

        risk.ShouldBeTheAnswerFor(patientId, mediaId);
        risk.Basis.Count(b => b.Reference!.StartsWith("Observation/")).Should().Be(realCase.Features.Known.Count);
        risk.Meta!.Security.Should().Contain(c => c.Code == "AIAST");

        var read = await _host.Client.GetAsync($"/fhir/RiskAssessment/{risk.Id}");
        (await read.ReadAsync<RiskAssessment>()).Id.Should().Be(risk.Id);
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
    }

    [Fact]
    public async Task The_stored_photo_is_served_as_binary_and_the_media_links_to_it()
    {
        var realCase = RealCases.Any(3);
        var (_, mediaId) = await _host.Client.PostCaseAsync(realCase);

        var media = await (await _host.Client.GetAsync($"/fhir/Media/{mediaId}")).ReadAsync<Media>();
        media.Content.Data.Should().BeNull("the bytes are stored once, as the image");
        media.Content.Url.Should().StartWith("Binary/");

        // As an image viewer asks; with a FHIR media type in Accept the answer is a Binary resource instead.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/{media.Content.Url}");
        request.Headers.Accept.ParseAdd("image/*");
        var binary = await _host.Client.SendAsync(request);
        binary.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await binary.Content.ReadAsByteArrayAsync()).Should().Equal(await File.ReadAllBytesAsync(realCase.ImagePath));
    }

    [Fact]
    public async Task Resources_posted_one_by_one_make_a_case_with_the_features_posted_before_the_photo()
    {
        var realCase = RealCases.CompleteCancer();
        var bundle = FhirClient.BundleFor(realCase);
        var patient = await (await _host.Client.PostAsync("/fhir/Patient", bundle.Entry[0].Resource!)).ReadAsync<Patient>();
        var age = bundle.Entry.Select(e => e.Resource).OfType<Observation>().First(o => o.Code.Coding.Any(c => c.Code == "age"));
        age.Subject = new ResourceReference($"Patient/{patient.Id}");
        age.Focus.Clear();
        var ageResponse = await _host.Client.PostAsync("/fhir/Observation", age);
        ageResponse.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await ageResponse.Content.ReadAsStringAsync());
        var storedAge = await ageResponse.ReadAsync<Observation>();

        var media = (Media)bundle.Entry[1].Resource!;
        media.Subject = new ResourceReference($"Patient/{patient.Id}");
        var mediaResponse = await _host.Client.PostAsync("/fhir/Media", media);
        mediaResponse.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await mediaResponse.Content.ReadAsStringAsync());
        mediaResponse.Headers.Location!.AbsolutePath.Should().MatchRegex("^/fhir/Media/[^/]+/_history/1$");
        var created = await mediaResponse.ReadAsync<Media>();

        var risk = await _host.Client.WaitForRiskAssessmentAsync(patient.Id!, TimeSpan.FromSeconds(30));
        risk.ShouldBeTheAnswerFor(patient.Id!, created.Id!);
        risk.Basis.Select(b => b.Reference).Should().Contain($"Observation/{storedAge.Id}");
    }

    [Fact]
    public async Task The_capability_statement_and_health_endpoints_answer()
    {
        var metadata = await (await _host.Client.GetAsync("/fhir/metadata")).ReadAsync<CapabilityStatement>();
        metadata.Rest.Single().Resource.Select(r => r.Type).Should().Contain(["Patient", "Media", "Observation", "RiskAssessment"]);

        (await _host.Client.GetAsync("/health/live")).IsSuccessStatusCode.Should().BeTrue();
        var ready = await _host.Client.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        ready.IsSuccessStatusCode.Should().BeTrue(body);
        body.Should().Contain("\"executionProvider\":\"CPU\"");
    }
}
