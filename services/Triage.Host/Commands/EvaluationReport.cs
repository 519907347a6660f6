using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triage.Inference.Models;
using Triage.Ml.Evaluation;
using Triage.Ml.Evaluation.Figures;

namespace Triage.Host.Commands;

/// <summary>
/// The JSON of <c>evaluate</c>: the model, the data, the metrics on every case with its metadata as
/// recorded, and the same metrics under <c>complete_metadata</c> and <c>metadata_withheld</c>.
/// </summary>
internal static class EvaluationReport
{
    public const string CompleteMetadata = "cases whose every clinical feature is recorded, metadata as recorded";
    public const string MetadataWithheld = "every case with every clinical feature unknown (image only)";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static (ModelEvaluation AsRecorded, ModelEvaluation Complete, ModelEvaluation Withheld) Evaluate(IReadOnlyList<CasePrediction> predictions)
    {
        var complete = predictions.Where(p => p.Case.Features.IsComplete).ToList();
        return (
            ModelEvaluation.From([.. predictions.Select(p => p.Case.Diagnosis)], [.. predictions.Select(p => p.AsRecorded)]),
            ModelEvaluation.From([.. complete.Select(p => p.Case.Diagnosis)], [.. complete.Select(p => p.AsRecorded)]),
            ModelEvaluation.From([.. predictions.Select(p => p.Case.Diagnosis)], [.. predictions.Select(p => p.MetadataWithheld)]));
    }

    public static async Task WriteAsync(
        string path, OnnxClassifier classifier, string dataFolder,
        (ModelEvaluation AsRecorded, ModelEvaluation Complete, ModelEvaluation Withheld) evaluations,
        IReadOnlyList<SkippedImage> skipped, Action<JsonObject>? extend, CancellationToken cancellationToken)
    {
        var (asRecorded, complete, withheld) = evaluations;
        var contract = classifier.Contract;
        var figures = EvaluationFigurePaths.Beside(path);
        var report = new JsonObject
        {
            ["model"] = new JsonObject
            {
                ["name"] = contract.ModelName,
                ["version"] = contract.ModelVersion,
                ["architecture"] = contract.Architecture,
                ["path"] = classifier.ModelPath,
                ["execution_provider"] = classifier.ExecutionProvider,
            },
            ["data"] = new JsonObject
            {
                ["folder"] = dataFolder,
                ["images_skipped"] = new JsonArray([.. skipped.Select(s => (JsonNode)new JsonObject { ["image_id"] = s.ImageId, ["reason"] = s.Reason })]),
            },
            ["predicted_class_rule"] = "the class with the highest probability",
            ["malignant_rule"] = "cancer flagged when the predicted class is BCC, MEL or SCC; a cancer when the true class is one",
        };
        ModelEvaluationJson.Write(asRecorded, report);
        report["complete_metadata"] = ModelEvaluationJson.Write(complete, new JsonObject { ["description"] = CompleteMetadata });
        report["metadata_withheld"] = ModelEvaluationJson.Write(withheld, new JsonObject { ["description"] = MetadataWithheld });
        extend?.Invoke(report);
        report["figures"] = new JsonObject
        {
            ["confusion_matrix"] = Path.GetFileName(figures.ConfusionMatrix),
            ["roc"] = Path.GetFileName(figures.Roc),
            ["reliability"] = Path.GetFileName(figures.Reliability),
        };

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, report.ToJsonString(Indented) + Environment.NewLine, cancellationToken);
        EvaluationFigures.Save(asRecorded, path);
    }

    public static string Summary(string name, ModelEvaluation evaluation) => evaluation.N == 0
        ? $"{name}: no case"
        : string.Create(CultureInfo.InvariantCulture,
            $"{name} (n = {evaluation.N}): accuracy {evaluation.Metrics.Accuracy:0.000}, balanced {evaluation.Metrics.BalancedAccuracy:0.000}, " +
            $"weighted F1 {evaluation.Metrics.WeightedF1:0.000}, macro F1 {evaluation.Metrics.MacroF1:0.000}, macro AUC {evaluation.MacroAuc:0.000}, " +
            $"ECE {evaluation.Calibration.ExpectedCalibrationError:0.000}, cancer sensitivity {evaluation.Malignancy.Sensitivity:0.000}, " +
            $"specificity {evaluation.Malignancy.Specificity:0.000}");
}
