using System.Net;
using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Serialization;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>Every kind of bad input gets a 4xx OperationOutcome saying what is wrong, and writes no row.</summary>
public sealed class BadInputTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    public sealed record BadInput(string Name, int Status, Func<Request> Build)
    {
        public override string ToString() => Name;
    }

    public sealed record Request(string Path, string Body, string ContentType = FhirClient.FhirJson);

    private static Bundle CaseBundle() => FhirClient.BundleFor(RealCases.CompleteCancer());

    private static Request Transaction(Action<Bundle> change)
    {
        var bundle = CaseBundle();
        change(bundle);
        return new Request("/fhir", FhirJson.Serialize(bundle));
    }

    private static Media MediaOf(Bundle bundle) => bundle.Entry.Select(e => e.Resource).OfType<Media>().Single();

    private static Observation ObservationOf(Bundle bundle, string feature) =>
        bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Coding.Any(c => c.Code == feature));

    private static Request WithPhoto(byte[] bytes, string contentType = "image/png") =>
        Transaction(b => MediaOf(b).Content = new Attachment { ContentType = contentType, Data = bytes });

    private static byte[] RealPng => File.ReadAllBytes(RealCases.CompleteCancer().ImagePath);

    public static TheoryData<BadInput> Inputs() =>
    [
        new("not JSON", 400, () => new Request("/fhir", "{ this is not json")),
        new("JSON that is not FHIR", 400, () => new Request("/fhir", """{"hello":"world"}""")),
        new("unknown element", 400, () => new Request("/fhir/Patient", """{"resourceType":"Patient","shoeSize":42}""")),
        new("resource type does not match the URL", 400, () => new Request("/fhir/Media", """{"resourceType":"Patient"}""")),
        new("Bundle neither transaction nor batch", 400, () => Transaction(b => b.Type = Bundle.BundleType.Collection)),
        new("Media without content", 400, () => Transaction(b => MediaOf(b).Content = null!)),
        new("Media with both data and url", 422, () => Transaction(b => MediaOf(b).Content.Url = "https://example.org/photo.png")),
        new("invalid base64", 400, () =>
        {
            var bundle = CaseBundle();
            MediaOf(bundle).Content.Data = [1, 2, 3];
            return new Request("/fhir", FhirJson.Serialize(bundle).Replace("\"AQID\"", "\"@@not base64@@\""));
        }),
        new("content type not an image", 422, () => WithPhoto(RealPng, "application/pdf")),
        new("bytes that are not an image", 422, () => WithPhoto("just some text, not pixels"u8.ToArray())),
        new("truncated PNG", 422, () => WithPhoto(RealPng[..(RealPng.Length / 2)])),
        new("truncated JPEG", 422, () =>
        {
            var jpeg = TestImages.RealJpeg(RealCases.CompleteCancer().ImageId);
            return WithPhoto(jpeg[..(jpeg.Length / 2)], "image/jpeg");
        }),
        new("declared PNG but JPEG bytes", 422, () => WithPhoto(TestImages.RealJpeg(RealCases.CompleteCancer().ImageId))),
        new("1x1 image", 422, () => WithPhoto(TestImages.SolidPng(1, 1, TestImages.Red))),
        new("header claiming 100000x100000", 422, () => WithPhoto(CraftedFiles.PngClaiming(100_000, 100_000))),
        new("Observation value of the wrong type", 422, () => Transaction(b => ObservationOf(b, "age").Value = new FhirString("fifty"))),
        new("age below 0", 422, () => Transaction(b => ObservationOf(b, "age").Value = new Quantity(-1, "a"))),
        new("age above 130", 422, () => Transaction(b => ObservationOf(b, "age").Value = new Quantity(131, "a"))),
        new("negative diameter", 422, () => Transaction(b => ObservationOf(b, ClinicalFeatureCatalogue.Diameter1).Value = new Quantity(-2, "mm"))),
        new("reference to nothing in the Bundle", 400, () => Transaction(b => MediaOf(b).Subject = new ResourceReference("urn:uuid:6f1b0c51-4b1e-4bb8-9a3e-000000000000"))),
        new("reference to nothing in the store", 400, () => new Request("/fhir/Observation", FhirJson.Serialize(
            ObservationOf(CaseBundle(), "age").Apply(o => { o.Subject = new ResourceReference("Patient/not-there"); o.Focus.Clear(); })))),
        new("body over the limit", 413, () => new Request("/fhir", new string(' ', 21 * 1024 * 1024))),
        new("not a FHIR media type", 415, () => new Request("/fhir/Patient", """{"resourceType":"Patient"}""", "text/plain")),
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Is_refused_with_an_OperationOutcome_and_changes_nothing(BadInput input)
    {
        var request = input.Build();
        var before = await fixture.Host.CountRowsAsync();

        var response = await fixture.Host.Client.PostRawAsync(request.Path, request.Body, request.ContentType);

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(input.Status, body);
        var outcome = await response.ReadAsync<OperationOutcome>();
        outcome.Issue.Should().NotBeEmpty().And.OnlyContain(i => i.Severity == OperationOutcome.IssueSeverity.Error && i.Diagnostics != null);
        body.Should().NotContain("   at ", "no stack traces in responses");
        (await fixture.Host.CountRowsAsync()).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_good_case_still_goes_through_after_the_bad_ones()
    {
        var response = await fixture.Host.Client.PostAsync("/fhir", CaseBundle());
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

public sealed class RunningHostFixture : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

internal static class FluentObject
{
    public static T Apply<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }
}
