using Triage.Contracts;
using Triage.Domain.Diagnoses;
using Triage.Domain.Escalation;

namespace Triage.Data.Results;

/// <summary>
/// What the models answered for a case, in columns the review worklist sorts and filters on, with both models'
/// probabilities (the RiskAssessment carries only the deciding model's). Written with the RiskAssessment.
/// </summary>
public sealed class CaseResult
{
    public Guid CaseId { get; set; }

    /// <summary><see cref="ModelRole.Student"/> or <see cref="ModelRole.Teacher"/>.</summary>
    public required string DecidedBy { get; set; }

    /// <summary>The deciding model's most probable diagnosis (PAD-UFES-20 code).</summary>
    public required string SuggestedDiagnosis { get; set; }

    /// <summary>The deciding model's BCC + MEL + SCC probability.</summary>
    public double CancerProbability { get; set; }

    /// <summary>Names of <c>ClassificationCompleted.EscalationReasons</c>, comma separated; empty when not escalated.</summary>
    public string EscalationReasons { get; set; } = "";

    public bool Escalated => EscalationReasons.Length > 0;

    /// <summary><c>{name} {version}</c> of the student.</summary>
    public required string StudentModel { get; set; }

    /// <summary>The student's probabilities in class order.</summary>
    public double[] StudentProbabilities { get; set; } = [];

    public string? TeacherModel { get; set; }

    public double[]? TeacherProbabilities { get; set; }

    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>The deciding model's attention map, row by row (<see cref="AttentionHeight"/> x <see cref="AttentionWidth"/>);
    /// null when its file exports none.</summary>
    public float[]? AttentionValues { get; set; }

    public int AttentionHeight { get; set; }

    public int AttentionWidth { get; set; }

    public static CaseResult From(ClassificationCompleted result)
    {
        var deciding = InClassOrder(result.Probabilities);
        var top = Diagnoses.All[Array.IndexOf(deciding, deciding.Max())];
        return new CaseResult
        {
            CaseId = result.CaseId,
            DecidedBy = result.DecidedBy,
            SuggestedDiagnosis = top.Code(),
            CancerProbability = Math.Clamp(TeacherEscalationPolicy.CancerProbability(deciding), 0, 1),
            EscalationReasons = string.Join(",", result.EscalationReasons),
            StudentModel = $"{result.StudentOutput.ModelName} {result.StudentOutput.ModelVersion}",
            StudentProbabilities = InClassOrder(result.StudentOutput.Probabilities),
            TeacherModel = result.TeacherOutput is { } t ? $"{t.ModelName} {t.ModelVersion}" : null,
            TeacherProbabilities = result.TeacherOutput is { } teacher ? InClassOrder(teacher.Probabilities) : null,
            CompletedAt = result.CompletedAt,
            AttentionValues = Deciding(result).Attention?.Values.ToArray(),
            AttentionHeight = Deciding(result).Attention?.Height ?? 0,
            AttentionWidth = Deciding(result).Attention?.Width ?? 0,
        };
    }

    private static ModelOutput Deciding(ClassificationCompleted result) =>
        result.DecidedBy == ModelRole.Teacher && result.TeacherOutput is { } teacher ? teacher : result.StudentOutput;

    private static double[] InClassOrder(IReadOnlyList<DiagnosisProbability> probabilities) =>
        [.. Diagnoses.All.Select(d => probabilities.FirstOrDefault(p => p.Diagnosis == d.Code())?.Probability ?? 0)];
}
