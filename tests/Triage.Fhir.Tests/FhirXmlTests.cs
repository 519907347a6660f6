using Hl7.Fhir.Model;
using Triage.Fhir.Serialization;
using static Triage.Fhir.Tests.FhirFiles;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Tests;

public class FhirXmlTests
{
    private static byte[] Bytes(string file) => System.Text.Encoding.UTF8.GetBytes(Read(file));

    public static TheoryData<string, IssueType, string?> NotFhir => new()
    {
        { "patient-not-well-formed.xml", IssueType.Structure, null },
        { "patient-trailing-content.xml", IssueType.Structure, null },
        { "patient-unknown-element.xml", IssueType.Value, "Patient.shoeSize" },
        { "patient-invalid-code.xml", IssueType.CodeInvalid, "Patient.gender" },
        { "patient-external-entity.xml", IssueType.Security, null },
        { "patient-entity-expansion.xml", IssueType.Security, null },
    };

    [Theory]
    [MemberData(nameof(NotFhir))]
    public void Refuses_what_is_not_FHIR_XML_with_400_and_an_issue_per_problem(string file, IssueType code, string? expression)
    {
        var refusal = Refusal(() => FhirXml.Parse(Bytes(file)));

        refusal.StatusCode.Should().Be(400);
        refusal.Issues.Should().Contain(i => i.Code == code && i.Expression.SingleOrDefault() == expression, refusal.Message);
        refusal.Issues.Should().OnlyContain(i => !string.IsNullOrWhiteSpace(i.Diagnostics) && !i.Diagnostics.Contains("   at "));
    }

    [Fact]
    public void Refuses_an_element_outside_the_FHIR_namespace()
    {
        Refusal(() => FhirXml.Parse(Bytes("patient-wrong-namespace.xml"))).StatusCode.Should().Be(400);
    }

    [Fact]
    public void Reads_the_same_observation_as_its_JSON_twin()
    {
        var fromXml = FhirXml.Parse(Bytes("observation-age.xml"));
        var fromJson = FhirJson.Parse(Read("observation-age.json"));

        fromXml.Should().BeOfType<Observation>();
        FhirJson.Serialize(fromXml).Should().Be(FhirJson.Serialize(fromJson));
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        var patient = FhirXml.Parse(Bytes("patient.xml"));

        var again = FhirXml.Parse(FhirXml.Serialize(patient));

        again.IsExactly(patient).Should().BeTrue();
        FhirXml.Serialize(patient).Should().StartWith("<Patient xmlns=\"http://hl7.org/fhir\">");
    }
}
