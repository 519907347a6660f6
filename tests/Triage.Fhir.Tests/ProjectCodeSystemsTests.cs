using System.Reflection;
using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Domain.Diagnoses;
using Triage.Domain.Escalation;
using Triage.Domain.Review;
using Triage.Fhir.Conformance;
using Triage.Fhir.Results;
using Triage.Fhir.Review;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Tests;

/// <summary>Every code system of the project that the code names is served, and lists exactly the codes the factories write.</summary>
public class ProjectCodeSystemsTests
{
    private const string ProjectCodeSystem = TriageCanonicals.Base + "/CodeSystem/";

    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Every_code_system_constant_of_the_project_is_served_as_a_CodeSystem_and_no_other()
    {
        var constants = typeof(TriageTerminology).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith(ProjectCodeSystem, StringComparison.Ordinal))
            .ToHashSet();

        constants.Should().Contain([ReviewTerminology.ReviewOutcomeSystem, ModelCascadeCoding.EscalationReasonSystem], "the reflection finds constants of every class");
        ServedCodeSystems().Select(c => c.Url).Should().BeEquivalentTo(constants);
    }

    [Theory]
    [InlineData(ModelCascadeCoding.ModelRoleSystem)]
    [InlineData(ModelCascadeCoding.EscalationReasonSystem)]
    [InlineData(ResultTerminology.DevicePropertySystem)]
    [InlineData(ResultTerminology.TaskCodeSystem)]
    [InlineData(ResultTerminology.ReviewReasonSystem)]
    [InlineData(ReviewTerminology.ReviewOutcomeSystem)]
    public void A_CodeSystem_lists_exactly_the_codes_and_displays_written_in_it(string system)
    {
        var codeSystem = Served(system);

        codeSystem.Content.Should().Be(CodeSystemContentMode.Complete);
        codeSystem.Count.Should().Be(codeSystem.Concept.Count);
        codeSystem.Concept.Should().OnlyContain(c => !string.IsNullOrWhiteSpace(c.Definition));
        codeSystem.Concept.Select(c => c.Code).Should().OnlyHaveUniqueItems();
        codeSystem.Concept.Select(c => (c.Code, c.Display)).Should().BeEquivalentTo(
            EverythingWritten().SelectMany(Codings).Where(c => c.System == system).Select(c => (c.Code, c.Display)).Distinct());
    }

    [Fact]
    public void The_model_roles_are_the_contract_constants()
    {
        Served(ModelCascadeCoding.ModelRoleSystem).Concept.Select(c => c.Code).Should().BeEquivalentTo(ModelRoles());
    }

    [Fact]
    public void The_escalation_reasons_are_the_domain_enum()
    {
        Served(ModelCascadeCoding.EscalationReasonSystem).Concept.Select(c => (c.Code, c.Display)).Should().BeEquivalentTo(
            EscalationReasons().Select(r => ModelCascadeCoding.Reason(r)).Select(c => (c.Code, c.Display)));
    }

    [Fact]
    public void The_review_reasons_are_the_domain_enum_and_the_input_type()
    {
        Served(ResultTerminology.ReviewReasonSystem).Concept.Select(c => c.Code).Should().BeEquivalentTo(
            [.. ReviewTaskFactory.Codings(AllReviewReasons()).Select(c => c.Code), "review-reason"]);
    }

    [Fact]
    public void The_review_outcome_codes_are_the_ReviewTerminology_codes()
    {
        var codes = typeof(ReviewTerminology).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => !v.StartsWith("https://", StringComparison.Ordinal));

        Served(ReviewTerminology.ReviewOutcomeSystem).Concept.Select(c => c.Code).Should().BeEquivalentTo(codes);
    }

    [Fact]
    public void The_model_CodeSystem_lists_no_codes_because_a_code_is_any_model_name()
    {
        var codeSystem = Served(TriageTerminology.ModelSystem);
        var method = RiskAssessments().First().Method.Coding.Single();

        codeSystem.Content.Should().Be(CodeSystemContentMode.NotPresent);
        codeSystem.Concept.Should().BeEmpty();
        method.System.Should().Be(TriageTerminology.ModelSystem);
        method.Version.Should().NotBeNullOrEmpty();
    }

    private static List<CodeSystem> ServedCodeSystems() => [.. ConformanceSource.Shared.Own.OfType<CodeSystem>()];

    private static CodeSystem Served(string url) => ServedCodeSystems().Should().ContainSingle(c => c.Url == url).Subject;

    private static IEnumerable<string> ModelRoles() =>
        typeof(ModelRole).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> EscalationReasons() =>
        Enum.GetValues<EscalationReason>().Where(r => r != EscalationReason.None).Select(r => r.ToString());

    private static ReviewReason AllReviewReasons() => Enum.GetValues<ReviewReason>().Aggregate((a, b) => a | b);

    /// <summary>What the factories write, with every role, escalation reason, review reason and kind of review outcome.</summary>
    private static IEnumerable<Resource> EverythingWritten()
    {
        var patient = new ResourceReference("Patient/p-1");
        var photo = new ResourceReference("Media/m-1");
        var reviewer = new Reviewer("dr.ana", "Dr Ana Costa");
        var diagnosed = ReviewOutcomeFactory.DiagnosisObservation(ReviewedDiagnosis.Of(Diagnosis.MEL), Diagnosis.NEV, null, patient, photo, reviewer, At);
        var task = ReviewTaskFactory.Create(AllReviewReasons(), new ResourceReference("RiskAssessment/ra-1"), patient, new ResourceReference("Device/d-1"), null, At);

        return
        [
            .. RiskAssessments(),
            .. ModelRoles().Select(role => ModelDeviceFactory.Create("model", "1.0.0", role)),
            task,
            ReviewOutcomeFactory.Complete(task.DeepCopy(), ReviewedDiagnosis.Of(Diagnosis.MEL), new ResourceReference("Observation/o-1"), reviewer, At),
            diagnosed,
            ReviewOutcomeFactory.DiagnosisObservation(ReviewedDiagnosis.NotAssessable, null, null, patient, photo, reviewer, At),
            ReviewOutcomeFactory.BiopsyObservation(Diagnosis.BCC, null, patient, photo, reviewer, At),
        ];
    }

    private static IEnumerable<RiskAssessment> RiskAssessments()
    {
        IReadOnlyList<DiagnosisProbability> probabilities = [.. Enum.GetValues<Diagnosis>().Select(d => new DiagnosisProbability(d.Code(), 1.0 / 6))];
        var output = new ModelOutput("model", "1.0.0", "CPU", probabilities, 1.0);
        return ModelRoles().Select(role => RiskAssessmentFactory.Create(
            new ClassificationCompleted(Guid.NewGuid(), "model", "1.0.0", "CPU", probabilities, 1.0, At, role, output, output, [.. EscalationReasons()]),
            new ResourceReference("Patient/p-1"), new ResourceReference("Media/m-1"), []));
    }

    private static IEnumerable<Coding> Codings(Base node) =>
        node.EnumerateElements().SelectMany(e => e.Value switch
        {
            Base child => [child],
            IEnumerable<Base> children => children,
            _ => [],
        }).SelectMany(child => child is Coding coding ? [coding, .. Codings(child)] : Codings(child));
}
