using Triage.Fhir.Errors;
using Triage.Fhir.Serialization;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Tests;

public class FhirErrorsTests
{
    public static TheoryData<string, int, IssueType> Refusals => new()
    {
        { "bad-request", 400, IssueType.Invalid },
        { "unprocessable", 422, IssueType.Invalid },
        { "not-found", 404, IssueType.NotFound },
        { "conflict", 409, IssueType.Conflict },
        { "too-large", 413, IssueType.TooLong },
        { "media-type", 415, IssueType.NotSupported },
        { "unauthorized", 401, IssueType.Login },
        { "forbidden", 403, IssueType.Forbidden },
        { "internal", 500, IssueType.Exception },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refusal_has_its_status_and_issue_code(string kind, int status, IssueType code)
    {
        var refusal = kind switch
        {
            "bad-request" => FhirErrors.BadRequest("Bad.", "Media.content"),
            "unprocessable" => FhirErrors.Unprocessable("No.", "Observation.value"),
            "not-found" => FhirErrors.NotFound("Media", "42"),
            "conflict" => FhirErrors.Conflict("Already there."),
            "too-large" => FhirErrors.PayloadTooLarge(20_000_000),
            "media-type" => FhirErrors.UnsupportedMediaType("text/plain", "application/fhir+json"),
            "unauthorized" => FhirErrors.Unauthorized(),
            "forbidden" => FhirErrors.Forbidden(),
            _ => FhirErrors.Internal(),
        };

        refusal.StatusCode.Should().Be(status);
        refusal.Issues.Single().Code.Should().Be(code);
        refusal.Message.Should().Be(refusal.Issues.Single().Diagnostics);
        FhirJson.Parse(FhirJson.Serialize(refusal.Outcome)).TypeName.Should().Be("OperationOutcome");
    }

    [Fact]
    public void Carries_the_expression_and_message_it_was_given()
    {
        var issue = FhirErrors.BadRequest("Missing photo.", "Media.content", IssueType.Required).Issues.Single();

        issue.Diagnostics.Should().Be("Missing photo.");
        issue.Expression.Should().Equal("Media.content");
        issue.Code.Should().Be(IssueType.Required);
    }

    [Fact]
    public void Says_which_content_types_it_takes_and_what_is_too_large()
    {
        FhirErrors.UnsupportedMediaType("text/plain", "application/fhir+json").Message
            .Should().Contain("text/plain").And.Contain("application/fhir+json");
        FhirErrors.PayloadTooLarge(1024).Message.Should().Contain("1024");
        FhirErrors.NotFound("Media", "42").Message.Should().Contain("Media/42");
    }
}
