using System.Globalization;
using System.Text.Json.Nodes;
using Triage.Domain.Escalation;
using Triage.Inference.Escalation;
using Triage.Inference.Models;
using Triage.Ml.Evaluation;

namespace Triage.Host.Commands;

/// <summary>
/// The keys <c>evaluate --teacher</c> adds: how often and why the cascade escalated, the thresholds, the
/// teacher, and the metrics of the student alone and the teacher alone on the same cases.
/// </summary>
internal static class CascadeReport
{
    public const string StudentAlone = "the student's answer on every case, as if there were no teacher";
    public const string TeacherAlone = "the teacher's answer on every case, as if there were no student";

    public static void Add(JsonObject report, IReadOnlyList<CascadePrediction> predictions, OnnxClassifier teacher, EscalationThresholds thresholds)
    {
        AddEscalation(report, [.. predictions.Select(p => p.AsRecorded)]);
        AddEscalation(report["complete_metadata"]!.AsObject(), [.. predictions.Where(p => p.Case.Features.IsComplete).Select(p => p.AsRecorded)]);
        AddEscalation(report["metadata_withheld"]!.AsObject(), [.. predictions.Select(p => p.MetadataWithheld)]);
        report["thresholds"] = new JsonObject
        {
            ["min_confidence"] = thresholds.MinimumConfidence,
            ["cancer_low"] = thresholds.CancerBandLow,
            ["cancer_high"] = thresholds.CancerBandHigh,
            ["rule"] = "escalate when the student's top probability < min_confidence, or cancer_low <= P(BCC) + P(MEL) + P(SCC) <= cancer_high",
        };
        report["teacher"] = new JsonObject
        {
            ["name"] = teacher.Contract.ModelName,
            ["version"] = teacher.Contract.ModelVersion,
            ["architecture"] = teacher.Contract.Architecture,
            ["path"] = teacher.ModelPath,
            ["execution_provider"] = teacher.ExecutionProvider,
        };
        report["student_alone"] = Alone(StudentAlone, [.. predictions.Select(p => p.StudentAlone)]);
        report["teacher_alone"] = Alone(TeacherAlone, [.. predictions.Select(p => p.TeacherAlone)]);
    }

    public static string Summary(IReadOnlyList<CascadePrediction> predictions) =>
        string.Create(CultureInfo.InvariantCulture,
            $"escalated {predictions.Count(p => p.AsRecorded.Teacher is not null)} of {predictions.Count} cases " +
            $"({EscalationRate([.. predictions.Select(p => p.AsRecorded)]):0.000})");

    private static void AddEscalation(JsonObject target, IReadOnlyList<CascadeOutcome> outcomes)
    {
        target["escalation_rate"] = outcomes.Count == 0 ? null : EscalationRate(outcomes);
        var reasons = new JsonObject();
        foreach (var reason in Enum.GetValues<EscalationReason>().Where(r => r != EscalationReason.None))
        {
            reasons[reason.ToString()] = outcomes.Count(o => o.Reasons.HasFlag(reason));
        }

        target["escalation_reasons"] = reasons;
    }

    private static double EscalationRate(IReadOnlyList<CascadeOutcome> outcomes) =>
        outcomes.Count == 0 ? 0 : (double)outcomes.Count(o => o.Teacher is not null) / outcomes.Count;

    private static JsonObject Alone(string description, IReadOnlyList<CasePrediction> predictions)
    {
        var (asRecorded, complete, withheld) = EvaluationReport.Evaluate(predictions);
        var alone = ModelEvaluationJson.Write(asRecorded, new JsonObject { ["description"] = description });
        alone["complete_metadata"] = ModelEvaluationJson.Write(complete, new JsonObject { ["description"] = EvaluationReport.CompleteMetadata });
        alone["metadata_withheld"] = ModelEvaluationJson.Write(withheld, new JsonObject { ["description"] = EvaluationReport.MetadataWithheld });
        return alone;
    }
}
