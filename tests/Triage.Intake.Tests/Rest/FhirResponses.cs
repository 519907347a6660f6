using Hl7.Fhir.Model;
using Triage.Fhir.Serialization;

namespace Triage.Intake.Tests.Rest;

/// <summary>Reading FHIR answers the way a client does: by their Content-Type.</summary>
internal static class FhirResponses
{
    public static async Task<T> ReadResourceAsync<T>(this HttpResponseMessage response)
        where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var resource = mediaType switch
        {
            IntakeServer.FhirJson => FhirJson.Parse(body),
            IntakeServer.FhirXml => FhirXml.Parse(body),
            _ => throw new InvalidOperationException($"Not a FHIR answer ({mediaType}): {body}"),
        };
        return resource.Should().BeAssignableTo<T>(body).Subject;
    }

    /// <summary>Asserts a refusal: the status, an OperationOutcome with an error issue, and nothing changed in the database.</summary>
    public static async Task<OperationOutcome> ShouldBeRefusedAsync(
        this HttpResponseMessage response, int status, IntakeServer server, IReadOnlyList<string> before)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        var outcome = await response.ReadResourceAsync<OperationOutcome>();
        outcome.Issue.Should().NotBeEmpty().And.Contain(i => i.Severity == OperationOutcome.IssueSeverity.Error && i.Diagnostics != null);
        body.Should().NotContain("   at ", "no stack traces in responses");
        (await server.SnapshotAsync()).Should().Equal(before);
        return outcome;
    }

    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString();
}
