using Hl7.Fhir.Model;
using Triage.Fhir.Results;
using Triage.Ml.Baseline;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>The real host with a teacher and thresholds that escalate every case: the teacher's answer is written back.</summary>
public sealed class EscalationFlowTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        var teacher = TestModels.Write(Path.Combine(TestPaths.NewTempFolder("teacher-model"), "teacher.onnx"),
            new TestModelOptions { Name = "test-teacher", Version = "2.0.0", InputWidth = 48, InputHeight = 48 });
        _host = await RunningHost.StartAsync(
            "--Inference:TeacherModelPath", teacher,
            "--Inference:Escalation:MinimumConfidence", "1",
            "--Inference:Escalation:CancerBandLow", "0",
            "--Inference:Escalation:CancerBandHigh", "1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_escalated_case_yields_a_risk_assessment_saying_the_teacher_decided_and_why()
    {
        var (patientId, mediaId) = await _host.Client.PostCaseAsync(RealCases.CompleteCancer());

        var risk = await _host.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(30));

        risk.ShouldBeTheAnswerFor(patientId, mediaId);
        risk.Meta!.Security.Should().Contain(c => c.Code == "AIAST");
        risk.Method!.Coding.Single().Should().Match<Coding>(c => c.Code == "test-teacher" && c.Version == "2.0.0");
        risk.GetExtensionValue<Coding>(ModelCascadeCoding.DecidedByExtension).Code.Should().Be("teacher");
        risk.GetExtensions(ModelCascadeCoding.EscalationReasonExtension).Select(e => ((Coding)e.Value).Code)
            .Should().Equal("low-confidence", "uncertain-cancer-probability");
        risk.Note.Should().Contain(n => n.Text.Contains("Escalated from the student model baseline"));
    }

    [Fact]
    public async Task Readiness_reports_both_models()
    {
        var ready = await _host.Client.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();

        ready.IsSuccessStatusCode.Should().BeTrue(body);
        body.Should().Contain("\"modelName\":\"baseline\"").And.Contain("\"teacherModelName\":\"test-teacher\"")
            .And.Contain("\"teacherExecutionProvider\":\"CPU\"");
    }
}
