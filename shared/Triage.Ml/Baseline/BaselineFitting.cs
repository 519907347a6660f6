using Triage.Ml.PadUfes20;
using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Ml.Onnx;
using Triage.Ml.Training;

namespace Triage.Ml.Baseline;

/// <summary>Fits a <see cref="BaselineModel"/>: standardised features, class-balanced weights, softmax regression.</summary>
public static class BaselineFitting
{
    /// <summary>The weight of each copy of a case with metadata withheld (see <see cref="MetadataWithholding"/>),
    /// against 1 for the case as recorded.</summary>
    public const double WithheldCopyWeight = 0.5;

    public static BaselineModel Fit(IReadOnlyList<BaselineSample> training, ModelDescription description, SoftmaxRegressionOptions options)
    {
        // Every case is also seen with its history withheld (where it had one) and with no metadata at all.
        var withheld = training.Where(s => MetadataWithholding.HasHistory(s.Clinical)).ToList();
        var rows = training.Select(s => s.Features(MetadataVariant.AsRecorded))
            .Concat(withheld.Select(s => s.Features(MetadataVariant.HistoryWithheld)))
            .Concat(training.Select(s => s.Features(MetadataVariant.AllWithheld)))
            .ToList();
        var labels = training.Concat(withheld).Concat(training).Select(s => s.Label).ToList();

        // Each class weighs as much as any other in the loss, so MEL and SCC are not drowned out.
        var classes = Diagnoses.All.Count;
        var counts = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var sampleWeights = labels
            .Select((l, i) => (i < training.Count ? 1 : WithheldCopyWeight) * labels.Count / (classes * counts[l]))
            .ToList();

        var standardizer = Standardizer.Fit(rows);
        var regression = SoftmaxRegression.Fit(rows.Select(r => standardizer.Apply(r)).ToList(), labels, sampleWeights, classes, options);
        return new BaselineModel(
            description,
            ClinicalFeatureEncoder.Width,
            ToFloats(standardizer.Mean),
            ToFloats(standardizer.Std),
            ToFloats(regression.Weights),
            ToFloats(regression.Bias));
    }

    /// <summary>The logits the exported graph computes, computed in C#.</summary>
    public static double[] Logits(BaselineModel model, ReadOnlySpan<float> features)
    {
        var logits = new double[model.ClassCount];
        for (var k = 0; k < logits.Length; k++)
        {
            double z = model.Bias[k];
            for (var f = 0; f < features.Length; f++)
            {
                z += model.Weights[k * features.Length + f] * ((features[f] - (double)model.FeatureMean[f]) / model.FeatureStd[f]);
            }

            logits[k] = z;
        }

        return logits;
    }

    private static float[] ToFloats(double[] values) => values.Select(v => (float)v).ToArray();
}
