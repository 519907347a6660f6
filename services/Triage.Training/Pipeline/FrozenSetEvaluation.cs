using System.Text.Json.Nodes;
using Triage.Domain.Promotion;
using Triage.Ml.Evaluation;
using Triage.Training.Corpus;

namespace Triage.Training.Pipeline;

/// <summary>An ONNX model's figures on the frozen evaluation set: the scores the gates compare and the full report.</summary>
public sealed record FrozenSetResult(ModelScores Scores, JsonObject Report);

public sealed class FrozenSetEvaluation(OnnxCaseClassifier classifier)
{
    public FrozenSetResult Evaluate(string modelPath, IReadOnlyList<LabelledCase> evaluation, CancellationToken cancellationToken)
    {
        using var model = classifier.Open(modelPath);
        var probabilities = classifier.Classify(model, evaluation, cancellationToken);
        var result = ModelEvaluation.From([.. evaluation.Select(c => c.Case.Diagnosis)], probabilities);
        var report = ModelEvaluationJson.ToJson(result);
        report["model"] = new JsonObject { ["name"] = model.Contract.ModelName, ["version"] = model.Contract.ModelVersion, ["path"] = modelPath };
        return new FrozenSetResult(
            new ModelScores(result.Metrics.WeightedF1, result.Malignancy.Sensitivity, result.Calibration.ExpectedCalibrationError), report);
    }
}
