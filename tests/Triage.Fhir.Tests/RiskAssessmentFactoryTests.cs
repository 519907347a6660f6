using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Domain.Diagnoses;
using Triage.Fhir.Results;
using Triage.Fhir.Serialization;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Tests;

public class RiskAssessmentFactoryTests
{
    private static readonly DateTimeOffset CompletedAt = new(2025, 3, 4, 10, 30, 0, TimeSpan.Zero);

    private static ClassificationCompleted Result(params (string Diagnosis, double Probability)[] probabilities)
    {
        var student = new ModelOutput("student", "2025.03.1", "CPU",
            [.. probabilities.Select(p => new DiagnosisProbability(p.Diagnosis, p.Probability))], 12.5);
        return new(Guid.NewGuid(), student.ModelName, student.ModelVersion, student.ExecutionProvider, student.Probabilities,
            student.InferenceMilliseconds, CompletedAt, ModelRole.Student, student, null, []);
    }

    private static readonly ClassificationCompleted Shuffled =
        Result(("SEK", 0.05), ("MEL", 0.40), ("ACK", 0.10), ("SCC", 0.05), ("NEV", 0.25), ("BCC", 0.15));

    private static RiskAssessment Create(ClassificationCompleted result) =>
        RiskAssessmentFactory.Create(result, new ResourceReference("Patient/p1"), new ResourceReference("Media/m1"),
            [new ResourceReference("Observation/o1"), new ResourceReference("Observation/o2")]);

    [Fact]
    public void Has_one_prediction_per_diagnosis_in_class_order_summing_to_one()
    {
        var assessment = Create(Shuffled);

        var outcomes = assessment.Prediction.Select(p => p.Outcome!.Coding.Single()).ToList();
        var probabilities = assessment.Prediction.Select(p => p.Probability.Should().BeOfType<FhirDecimal>().Subject.Value!.Value).ToList();
        outcomes.Select(c => c.Code).Should().Equal(Diagnoses.All.Select(d => d.Code()));
        outcomes.Should().OnlyContain(c => c.System == TriageTerminology.PadUfes20System);
        outcomes.Select(c => c.Display).Should().Equal(Diagnoses.All.Select(d => d.DisplayName()));
        probabilities.Should().Equal(0.10m, 0.15m, 0.40m, 0.25m, 0.05m, 0.05m);
        probabilities.Sum().Should().BeApproximately(1m, 1e-9m);
    }

    [Fact]
    public void Is_final_marked_as_AI_output_and_says_it_is_not_a_diagnosis()
    {
        var assessment = Create(Shuffled);

        assessment.Status.Should().Be(ObservationStatus.Final);
        assessment.Meta!.Security.Should().ContainSingle(c =>
            c.System == "http://terminology.hl7.org/CodeSystem/v3-ObservationValue" && c.Code == "AIAST");
        assessment.Note.Single().Text!.Should().Contain("not a diagnosis");
        assessment.Occurrence.Should().BeOfType<FhirDateTime>().Which.ToDateTimeOffset(TimeSpan.Zero).Should().Be(CompletedAt);
    }

    [Fact]
    public void Names_the_model_that_decided_and_what_it_was_given()
    {
        var assessment = Create(Shuffled);

        assessment.Subject!.Reference.Should().Be("Patient/p1");
        assessment.Basis.Select(b => b.Reference).Should().Equal("Media/m1", "Observation/o1", "Observation/o2");
        assessment.Method!.Coding.Single().Should().Match<Coding>(c => c.Code == "student" && c.Version == "2025.03.1");
        assessment.Method.Text!.Should().Contain("student").And.Contain("2025.03.1");
        assessment.GetExtensionValue<Coding>(ModelCascadeCoding.DecidedByExtension)
            .Should().Match<Coding>(c => c.System == ModelCascadeCoding.ModelRoleSystem && c.Code == "student");
        assessment.Extension.Should().NotContain(e => e.Url == ModelCascadeCoding.EscalationReasonExtension);
    }

    [Fact]
    public void Serialises_as_valid_FHIR()
    {
        var json = FhirJson.Serialize(Create(Shuffled));

        FhirJson.Parse<RiskAssessment>(json).Prediction.Should().HaveCount(6);
    }

    public static TheoryData<string, double> BadProbabilities => new()
    {
        { "XYZ", 0.05 },
        { "SEK", -0.01 },
        { "SEK", 1.5 },
        { "SEK", double.NaN },
        { "ACK", 0.05 },
    };

    [Theory]
    [MemberData(nameof(BadProbabilities))]
    public void Refuses_probabilities_that_are_not_one_per_diagnosis_within_0_and_1(string lastDiagnosis, double probability)
    {
        var result = Result(("ACK", 0.1), ("BCC", 0.1), ("MEL", 0.1), ("NEV", 0.1), ("SCC", 0.1), (lastDiagnosis, probability));

        var act = () => Create(result);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Refuses_a_result_without_every_diagnosis() =>
        FluentActions.Invoking(() => Create(Result(("ACK", 0.5), ("BCC", 0.5)))).Should().Throw<ArgumentException>().WithMessage("*MEL*");
}
