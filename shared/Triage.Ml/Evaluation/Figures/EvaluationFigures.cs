using Triage.Domain.Diagnoses;

namespace Triage.Ml.Evaluation.Figures;

/// <summary>The paths of the three figures written beside a report.</summary>
public sealed record EvaluationFigurePaths(string ConfusionMatrix, string Roc, string Reliability)
{
    /// <summary>The report's path plus <c>.confusion.png</c>, <c>.roc.png</c> and <c>.reliability.png</c>.</summary>
    public static EvaluationFigurePaths Beside(string reportPath) =>
        new($"{reportPath}.confusion.png", $"{reportPath}.roc.png", $"{reportPath}.reliability.png");
}

public static class EvaluationFigures
{
    public static EvaluationFigurePaths Save(ModelEvaluation evaluation, string reportPath)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var paths = EvaluationFigurePaths.Beside(reportPath);
        ConfusionMatrixFigure.Save(evaluation.Confusion, [.. Diagnoses.All.Select(d => d.Code())], paths.ConfusionMatrix);
        RocFigure.Save(evaluation, paths.Roc);
        ReliabilityFigure.Save(evaluation.Calibration, paths.Reliability);
        return paths;
    }
}
