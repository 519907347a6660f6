using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Fhir.Results;
using Triage.Fhir.Serialization;

namespace Triage.Fhir.Tests;

/// <summary>When the student escalated, the RiskAssessment carries the teacher's answer and says why it was asked.</summary>
public class EscalatedRiskAssessmentTests
{
    private static readonly ModelOutput Student = new("student", "2.0.0", "CPU",
        [new("ACK", 0.2), new("BCC", 0.2), new("MEL", 0.2), new("NEV", 0.2), new("SCC", 0.1), new("SEK", 0.1)], 3.0);

    private static readonly ModelOutput Teacher = new("teacher", "3.1.0", "CPU",
        [new("ACK", 0.05), new("BCC", 0.70), new("MEL", 0.05), new("NEV", 0.10), new("SCC", 0.05), new("SEK", 0.05)], 40.0);

    private static ClassificationCompleted Escalated(params string[] reasons) =>
        new(Guid.NewGuid(), Teacher.ModelName, Teacher.ModelVersion, Teacher.ExecutionProvider, Teacher.Probabilities,
            Teacher.InferenceMilliseconds, DateTimeOffset.UtcNow, ModelRole.Teacher, Student, Teacher, reasons);

    private static RiskAssessment Create(ClassificationCompleted result) =>
        RiskAssessmentFactory.Create(result, new ResourceReference("Patient/p1"), new ResourceReference("Media/m1"), []);

    [Fact]
    public void Predicts_with_the_teachers_probabilities_and_names_the_teacher_as_the_method()
    {
        var assessment = Create(Escalated("LowConfidence"));

        assessment.Prediction.Select(p => ((FhirDecimal)p.Probability).Value).Should().Equal(0.05m, 0.70m, 0.05m, 0.10m, 0.05m, 0.05m);
        assessment.Method!.Coding.Single().Should().Match<Coding>(c => c.Code == "teacher" && c.Version == "3.1.0");
        assessment.Method.Text.Should().Contain("teacher model");
        assessment.GetExtensionValue<Coding>(ModelCascadeCoding.DecidedByExtension).Code.Should().Be("teacher");
        assessment.Meta!.Security.Should().ContainSingle(c => c.Code == "AIAST");
    }

    [Fact]
    public void Codes_each_escalation_reason_and_explains_them_in_a_note()
    {
        var assessment = Create(Escalated("LowConfidence", "UncertainCancerProbability"));

        assessment.GetExtensions(ModelCascadeCoding.EscalationReasonExtension)
            .Select(e => e.Value.Should().BeOfType<Coding>().Subject)
            .Should().OnlyContain(c => c.System == ModelCascadeCoding.EscalationReasonSystem)
            .And.Subject.Select(c => c.Code).Should().Equal("low-confidence", "uncertain-cancer-probability");
        assessment.Note.Should().HaveCount(2);
        assessment.Note[0].Text.Should().Be(RiskAssessmentFactory.DecisionSupportNote);
        assessment.Note[1].Text.Should().Contain("student 2.0.0").And.Contain("probable enough").And.Contain("uncertain band")
            .And.Contain("teacher 3.1.0");
    }

    [Fact]
    public void Survives_FHIR_json_with_its_extensions()
    {
        var json = FhirJson.Serialize(Create(Escalated("UncertainCancerProbability")));

        var parsed = FhirJson.Parse<RiskAssessment>(json);
        parsed.GetExtensionValue<Coding>(ModelCascadeCoding.EscalationReasonExtension).Code.Should().Be("uncertain-cancer-probability");
        parsed.GetExtensionValue<Coding>(ModelCascadeCoding.DecidedByExtension).Code.Should().Be("teacher");
    }

    [Theory]
    [InlineData("oracle", "LowConfidence")]
    [InlineData("teacher", "Curiosity")]
    public void Refuses_an_unknown_deciding_model_or_reason(string decidedBy, string reason) =>
        FluentActions.Invoking(() => Create(Escalated(reason) with { DecidedBy = decidedBy })).Should().Throw<ArgumentException>();
}
