using System.Text.Json.Nodes;
using Triage.Imaging;
using Triage.Ml.PadUfes20;
using Triage.Ml.Data;
using Triage.Ml.Evaluation;
using Triage.Ml.Models;
using Triage.Ml.Training;
using static TorchSharp.torch;

namespace Triage.Ml.Experiments;

/// <summary>
/// A trained network on its validation cases, with the fitted temperature, under the three conditions
/// PAD-UFES-20 calls for: metadata as recorded, only cases with a recorded history, and metadata withheld.
/// </summary>
internal static class ValidationReport
{
    public static JsonObject Create(
        nn.Module<Tensor, Tensor?, NetworkOutput> network,
        IReadOnlyList<PadUfes20Case> cases,
        LesionBatches batches,
        ImagePreprocessor preprocessor,
        int batchSize,
        double temperature)
    {
        var asRecorded = Probabilities(ValidationPass.Run(network, batches, preprocessor, batchSize), temperature);
        var withheld = Probabilities(ValidationPass.Run(network, batches, preprocessor, batchSize, MetadataVariant.AllWithheld), temperature);
        var truth = cases.Select(c => c.Diagnosis).ToList();
        var withHistory = cases.Select((c, i) => (c, i)).Where(p => MetadataWithholding.HasHistory(p.c.Features)).Select(p => p.i).ToList();
        return new JsonObject
        {
            ["as_recorded"] = ModelEvaluationJson.ToJson(ModelEvaluation.From(truth, asRecorded)),
            ["with_history"] = ModelEvaluationJson.ToJson(ModelEvaluation.From(
                withHistory.Select(i => truth[i]).ToList(), withHistory.Select(i => asRecorded[i]).ToList())),
            ["metadata_withheld"] = ModelEvaluationJson.ToJson(ModelEvaluation.From(truth, withheld)),
        };
    }

    private static List<float[]> Probabilities(ValidationPass pass, double temperature) =>
        pass.Logits
            .Select(logits => SoftmaxRegression.Softmax(logits.Select(l => l / temperature).ToArray()).Select(p => (float)p).ToArray())
            .ToList();
}
