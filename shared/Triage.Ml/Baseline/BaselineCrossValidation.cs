using Triage.Ml.PadUfes20;
using Triage.Domain.Diagnoses;
using Triage.Ml.Evaluation;
using Triage.Ml.Onnx;
using Triage.Ml.Training;

namespace Triage.Ml.Baseline;

/// <summary>Patient-level k-fold cross-validation; out-of-fold predictions are pooled per condition.</summary>
public static class BaselineCrossValidation
{
    /// <summary>Which held-out cases are scored and with what metadata.</summary>
    public sealed record Condition(string Name, MetadataVariant Variant, Func<BaselineSample, bool> Includes);

    public static IReadOnlyList<Condition> Conditions { get; } =
    [
        new("as recorded", MetadataVariant.AsRecorded, _ => true),
        new("cases with history", MetadataVariant.AsRecorded, s => MetadataWithholding.HasHistory(s.Clinical)),
        new("history withheld", MetadataVariant.HistoryWithheld, _ => true),
        new("image only", MetadataVariant.AllWithheld, _ => true),
    ];

    public static IReadOnlyDictionary<string, ClassificationMetrics> Run(
        IReadOnlyList<BaselineSample> samples, int[] folds, int foldCount, ModelDescription description, SoftmaxRegressionOptions options)
    {
        var truth = Conditions.ToDictionary(c => c.Name, _ => new List<int>());
        var predicted = Conditions.ToDictionary(c => c.Name, _ => new List<int>());
        for (var fold = 0; fold < foldCount; fold++)
        {
            var training = samples.Where((_, i) => folds[i] != fold).ToList();
            var model = BaselineFitting.Fit(training, description, options);
            foreach (var sample in samples.Where((_, i) => folds[i] == fold))
            {
                foreach (var condition in Conditions.Where(c => c.Includes(sample)))
                {
                    var logits = BaselineFitting.Logits(model, sample.Features(condition.Variant));
                    truth[condition.Name].Add(sample.Label);
                    predicted[condition.Name].Add(Array.IndexOf(logits, logits.Max()));
                }
            }
        }

        return Conditions.ToDictionary(
            c => c.Name,
            c => ClassificationMetrics.From(truth[c.Name], predicted[c.Name], Diagnoses.All.Count));
    }
}
