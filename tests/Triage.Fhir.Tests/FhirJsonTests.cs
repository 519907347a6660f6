using Hl7.Fhir.Model;
using Triage.Fhir.Serialization;
using static Triage.Fhir.Tests.FhirFiles;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Tests;

public class FhirJsonTests
{
    public static TheoryData<string, IssueType, string?> NotFhir => new()
    {
        { "not-json.json", IssueType.Structure, null },
        { "json-array.json", IssueType.Structure, null },
        { "trailing-content.json", IssueType.Structure, null },
        { "not-fhir.json", IssueType.Structure, null },
        { "not-fhir.json", IssueType.Value, "Resource.diagnosis" },
        { "unknown-resource-type.json", IssueType.Value, "Resource" },
        { "observation-unknown-element.json", IssueType.Value, "Observation.colour" },
        { "observation-quantity-not-a-number.json", IssueType.Value, "Observation.value.value" },
        { "observation-boolean-not-boolean.json", IssueType.Value, "Observation.value" },
        { "media-invalid-base64.json", IssueType.Value, "Media.content.data" },
        { "media-no-content.json", IssueType.Required, "Media.content" },
        { "bundle-bad-entry.json", IssueType.Value, "Bundle.entry[2].resource" },
    };

    [Theory]
    [MemberData(nameof(NotFhir))]
    public void Refuses_what_is_not_FHIR_with_400_and_an_issue_per_problem(string file, IssueType code, string? expression)
    {
        var refusal = Refusal(() => FhirJson.Parse(Read(file)));

        refusal.StatusCode.Should().Be(400);
        refusal.Issues.Should().Contain(i => i.Code == code && i.Expression.SingleOrDefault() == expression);
        refusal.Issues.Should().OnlyContain(i => !string.IsNullOrWhiteSpace(i.Diagnostics) && !i.Diagnostics.Contains("   at "));
    }

    [Fact]
    public void Reports_every_unknown_element_separately()
    {
        var refusal = Refusal(() => FhirJson.Parse(Read("not-fhir.json")));

        refusal.Expressions().Should().BeEquivalentTo([null, "Resource.name", "Resource.age", "Resource.diagnosis"]);
    }

    [Fact]
    public void Firely_refuses_invalid_base64_in_attachment_data_with_its_location()
    {
        var issue = Refusal(() => FhirJson.Parse(Read("media-invalid-base64.json"))).Issues.Single();

        issue.Code.Should().Be(IssueType.Value);
        issue.Expression.Should().Equal("Media.content.data");
        issue.Diagnostics!.Should().Contain("not parseable as Base64").And.Contain("line 5");
        issue.Details!.Coding.Single().Code.Should().Be("PVAL120");
    }

    [Fact]
    public void Quotes_only_the_start_of_a_long_refused_value()
    {
        var json = Read("media-invalid-base64.json").Replace("this is not base64!", new string('!', 100_000));

        var issue = Refusal(() => FhirJson.Parse(json)).Issues.Single();

        issue.Diagnostics!.Length.Should().BeLessThan(300);
        issue.Diagnostics.Should().Contain("(100000 characters)");
    }

    [Fact]
    public void Refuses_a_resource_of_another_type_than_asked()
    {
        var refusal = Refusal(() => FhirJson.Parse<Media>(Read("observation-age.json")));

        refusal.StatusCode.Should().Be(400);
        refusal.Issues.Single().Diagnostics.Should().Contain("Media").And.Contain("Observation");
    }

    [Fact]
    public void Parses_a_valid_resource_with_a_byte_order_mark()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Read("media-png.json"))];

        var media = FhirJson.Parse<Media>(json);

        media.Content.ContentType.Should().Be("image/png");
        media.Content.Data.Should().StartWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    [Theory]
    [InlineData("observation-age.json")]
    [InlineData("media-png.json")]
    [InlineData("media-data-and-url.json")]
    public void Serialises_compact_json_that_parses_back_to_the_same_resource(string file)
    {
        var resource = FhirJson.Parse(Read(file));

        var json = FhirJson.Serialize(resource);

        json.Should().NotContain("\n").And.StartWith("{\"resourceType\":");
        FhirJson.Parse(json).IsExactly(resource).Should().BeTrue();
        FhirJson.SerializeToUtf8Bytes(resource).Should().Equal(System.Text.Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void Parses_and_refuses_correctly_from_many_threads_at_once()
    {
        var valid = Read("observation-age.json");
        var invalid = Read("media-invalid-base64.json");

        var results = Enumerable.Range(0, 400).AsParallel().WithDegreeOfParallelism(8).Select(i =>
        {
            try
            {
                return FhirJson.Serialize(FhirJson.Parse(i % 2 == 0 ? valid : invalid));
            }
            catch (Errors.FhirRequestException e)
            {
                return e.Issues.Single().Expression.Single();
            }
        }).ToList();

        results.Distinct().Should().BeEquivalentTo([FhirJson.Serialize(FhirJson.Parse(valid)), "Media.content.data"]);
    }
}
