using System.Text.Json.Nodes;
using Triage.Domain.Diagnoses;

namespace Triage.Ml.Evaluation;

/// <summary>
/// The metric keys of <c>evaluate</c>'s JSON (docs/architecture.md): snake_case, class codes as
/// keys, null where a figure is undefined (no cancer to find, no class with a ROC curve).
/// </summary>
public static class ModelEvaluationJson
{
    public static JsonObject ToJson(ModelEvaluation evaluation) => Write(evaluation, new JsonObject());

    /// <summary>Adds the metric keys to <paramref name="target"/>; with no cases every rate is null.</summary>
    public static JsonObject Write(ModelEvaluation evaluation, JsonObject target)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(target);
        var metrics = evaluation.Metrics;
        double? Rate(double value) => evaluation.N == 0 ? null : value;
        var perClass = new JsonObject();
        foreach (var c in evaluation.PerClass)
        {
            perClass[c.Diagnosis.Code()] = new JsonObject
            {
                ["precision"] = c.Scores.Precision,
                ["recall"] = c.Scores.Recall,
                ["f1"] = c.Scores.F1,
                ["support"] = c.Scores.Support,
                ["auc"] = c.Roc?.Auc,
            };
        }

        target["n"] = evaluation.N;
        target["accuracy"] = Rate(metrics.Accuracy);
        target["balanced_accuracy"] = Rate(metrics.BalancedAccuracy);
        target["weighted_f1"] = Rate(metrics.WeightedF1);
        target["macro_f1"] = Rate(metrics.MacroF1);
        target["macro_auc"] = evaluation.MacroAuc;
        target["macro_auc_excluded"] = Codes(evaluation.AucExcluded);
        target["ece"] = Rate(evaluation.Calibration.ExpectedCalibrationError);
        target["malignant_sensitivity"] = evaluation.Malignancy.Sensitivity;
        target["malignant_specificity"] = evaluation.Malignancy.Specificity;
        target["malignant_counts"] = new JsonObject
        {
            ["true_positives"] = evaluation.Malignancy.TruePositives,
            ["false_negatives"] = evaluation.Malignancy.FalseNegatives,
            ["true_negatives"] = evaluation.Malignancy.TrueNegatives,
            ["false_positives"] = evaluation.Malignancy.FalsePositives,
        };
        target["per_class"] = perClass;
        target["confusion_matrix"] = new JsonObject
        {
            ["rows"] = "true class",
            ["columns"] = "predicted class",
            ["classes"] = Codes(Diagnoses.All),
            ["counts"] = new JsonArray([.. evaluation.Confusion.ToRows().Select(row => new JsonArray([.. row.Select(v => (JsonNode)v)]))]),
        };
        return target;
    }

    private static JsonArray Codes(IEnumerable<Diagnosis> diagnoses) =>
        new([.. diagnoses.Select(d => (JsonNode)d.Code())]);
}
