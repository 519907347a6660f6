using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Domain.Review;
using Triage.Fhir.Conformance;
using Triage.Fhir.Results;
using Triage.Fhir.Review;
using Triage.Fhir.Validation;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Fhir.Tests;

/// <summary>
/// What the platform writes back (RiskAssessment, review Task, model Device, Provenance, lesion diagnosis Observation) claims the project's profile for it and is
/// valid against it; a resource that breaks what the profile states is not.
/// </summary>
public class WriteBackProfileTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 30, 0, TimeSpan.Zero);

    private static readonly ModelOutput Student = new("student", "2.0.0", "CPU",
        [new("ACK", 0.2), new("BCC", 0.2), new("MEL", 0.2), new("NEV", 0.2), new("SCC", 0.1), new("SEK", 0.1)], 3.0);

    private static readonly ModelOutput Teacher = new("teacher", "3.1.0", "CPU",
        [new("ACK", 0.05), new("BCC", 0.70), new("MEL", 0.05), new("NEV", 0.10), new("SCC", 0.05), new("SEK", 0.05)], 40.0);

    public static TheoryData<string> Written() =>
    [
        "student result", "escalated result", "review task", "completed review task", "device", "provenance", "escalated provenance",
        "dermatologist diagnosis", "not assessable", "diagnosis with biopsy", "later biopsy",
    ];

    [Theory]
    [MemberData(nameof(Written))]
    public void What_the_platform_writes_claims_its_profile_and_is_valid_against_it(string what)
    {
        var resource = Create(what);

        resource.Meta.Profile.Should().Equal(resource is Observation ? TriageCanonicals.LesionDiagnosisProfile : TriageCanonicals.ProfileOf(resource.TypeName));
        Errors(resource).Should().BeEmpty();
    }

    [Fact]
    public void A_risk_assessment_without_the_AI_label_with_five_predictions_or_a_probability_over_one_is_not_valid()
    {
        var unlabelled = Assessment(StudentResult());
        unlabelled.Meta.Security.Clear();
        var fivePredictions = Assessment(StudentResult());
        fivePredictions.Prediction.RemoveAt(5);
        var overOne = Assessment(StudentResult());
        overOne.Prediction[0].Probability = new FhirDecimal(1.2m);
        var repeated = Assessment(StudentResult());
        repeated.Prediction[1].Outcome = repeated.Prediction[0].Outcome;
        var withoutPhoto = Assessment(StudentResult());
        withoutPhoto.Basis.RemoveAt(0);

        Errors(unlabelled).Should().Contain(e => e.Contains("ai-risk-1"));
        Errors(fivePredictions).Should().Contain(e => e.Contains("'prediction'") && e.Contains("6..6"));
        Errors(overOne).Should().Contain(e => e.Contains("ai-risk-6"));
        Errors(repeated).Should().Contain(e => e.Contains("ai-risk-3"));
        Errors(withoutPhoto).Should().Contain(e => e.Contains("ai-risk-4"));
    }

    [Fact]
    public void A_review_task_without_focus_or_completed_without_output_is_not_valid()
    {
        var unfocused = RequestedTask();
        unfocused.Focus = null;
        var completedEmpty = RequestedTask();
        completedEmpty.Status = FhirTask.TaskStatus.Completed;

        Errors(unfocused).Should().Contain(e => e.Contains("'focus'"));
        Errors(completedEmpty).Should().Contain(e => e.Contains("review-task-2"));
    }

    [Fact]
    public void A_device_without_its_role_is_not_valid()
    {
        var device = ModelDeviceFactory.Create("student", "2.0.0", ModelRole.Student);
        device.Property.Clear();

        Errors(device).Should().Contain(e => e.Contains("model-device-2"));
    }

    private static Resource Create(string what) => what switch
    {
        "student result" => Assessment(StudentResult()),
        "escalated result" => Assessment(new ClassificationCompleted(Guid.NewGuid(), Teacher.ModelName, Teacher.ModelVersion,
            Teacher.ExecutionProvider, Teacher.Probabilities, Teacher.InferenceMilliseconds, At, ModelRole.Teacher, Student, Teacher, ["LowConfidence"])),
        "review task" => RequestedTask(),
        "completed review task" => ReviewOutcomeFactory.Complete(
            RequestedTask(), ReviewedDiagnosis.Of(Domain.Diagnoses.Diagnosis.SCC), new ResourceReference("Observation/o-1"), Ana, At),
        "device" => ModelDeviceFactory.Create("teacher", "3.1.0", ModelRole.Teacher),
        "provenance" => Provenance(escalatingStudent: null),
        "escalated provenance" => Provenance(new ResourceReference("Device/d-0")),
        "dermatologist diagnosis" => Diagnosis(ReviewedDiagnosis.Of(Domain.Diagnoses.Diagnosis.MEL), biopsy: null),
        "not assessable" => Diagnosis(ReviewedDiagnosis.NotAssessable, biopsy: null),
        "diagnosis with biopsy" => Diagnosis(ReviewedDiagnosis.Of(Domain.Diagnoses.Diagnosis.MEL), Domain.Diagnoses.Diagnosis.NEV),
        "later biopsy" => ReviewOutcomeFactory.BiopsyObservation(Domain.Diagnoses.Diagnosis.BCC, "Nodular.", new("Patient/p-1"), new("Media/m-1"), Ana, At),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Fact]
    public void A_diagnosis_without_its_photo_or_a_provenance_without_the_photo_among_its_sources_is_not_valid()
    {
        var unphotographed = Diagnosis(ReviewedDiagnosis.Of(Domain.Diagnoses.Diagnosis.MEL), biopsy: null);
        unphotographed.DerivedFrom.Clear();
        var notAssessableBiopsy = Diagnosis(ReviewedDiagnosis.Of(Domain.Diagnoses.Diagnosis.MEL), Domain.Diagnoses.Diagnosis.NEV);
        notAssessableBiopsy.Component[0].Value = ReviewOutcomeFactory.Concept(ReviewedDiagnosis.NotAssessable);
        var sourceless = Provenance(escalatingStudent: null);
        sourceless.Entity.RemoveAll(e => e.What.Reference.StartsWith("Media/"));

        Errors(unphotographed).Should().Contain(e => e.Contains("'derivedFrom'"));
        Errors(notAssessableBiopsy).Should().Contain(e => e.Contains("lesion-diagnosis-1"));
        Errors(sourceless).Should().Contain(e => e.Contains("result-provenance-2"));
    }

    private static readonly Reviewer Ana = new("dr.ana", "Dr Ana Costa");

    private static Observation Diagnosis(ReviewedDiagnosis diagnosis, Domain.Diagnoses.Diagnosis? biopsy) =>
        ReviewOutcomeFactory.DiagnosisObservation(diagnosis, biopsy, "Irregular border.", new("Patient/p-1"), new("Media/m-1"), Ana, At);

    private static Provenance Provenance(ResourceReference? escalatingStudent) =>
        ResultProvenanceFactory.Create(new("RiskAssessment/ra-1"), new("Device/d-1"), escalatingStudent,
            [new ResourceReference("Media/m-1"), new ResourceReference("Observation/o-1")], At, At);

    private static ClassificationCompleted StudentResult() =>
        new(Guid.NewGuid(), Student.ModelName, Student.ModelVersion, Student.ExecutionProvider, Student.Probabilities,
            Student.InferenceMilliseconds, At, ModelRole.Student, Student, null, []);

    private static RiskAssessment Assessment(ClassificationCompleted result) =>
        RiskAssessmentFactory.Create(result, new ResourceReference("Patient/p-1"), new ResourceReference("Media/m-1"),
            [new ResourceReference("Observation/o-1")], new ResourceReference("Device/d-1"));

    private static FhirTask RequestedTask() =>
        ReviewTaskFactory.Create(ReviewReason.Suspicious | ReviewReason.Escalated, new("RiskAssessment/ra-1"), new("Patient/p-1"), new("Device/d-1"), null, At);

    /// <summary>The errors against the type's profile, each with where it is.</summary>
    private static IReadOnlyList<string> Errors(Resource resource)
    {
        resource.Id ??= "x-1";
        return [.. ProfileValidator.Shared.Validate(resource, null, resource.TypeName)
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Diagnostics}")];
    }
}
