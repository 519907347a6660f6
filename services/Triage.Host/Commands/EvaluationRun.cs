using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Imaging;
using Triage.Inference.Models;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary>
/// Runs every case through the classifier as the inference service does (same preprocessing, same
/// feature encoding, same <see cref="OnnxClassifier"/>), a batch at a time, twice: with the metadata
/// as recorded and with every clinical feature unknown.
/// </summary>
internal sealed class EvaluationRun(OnnxClassifier classifier, ImagePreprocessor preprocessor, int batchSize)
{
    private static readonly float[] NoMetadata = ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty);

    public (IReadOnlyList<CasePrediction> Predictions, IReadOnlyList<SkippedImage> Skipped) Run(
        IReadOnlyList<PadUfes20Case> cases, EvaluationProgress progress, CancellationToken cancellationToken)
    {
        var columns = ColumnOfEachDiagnosis(classifier.Contract.ClassOrder);
        var predictions = new List<CasePrediction>(cases.Count);
        var skipped = new List<SkippedImage>();
        for (var start = 0; start < cases.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = cases.Skip(start).Take(batchSize).ToList();
            var images = Preprocess(batch);
            var kept = batch.Select((c, i) => (Case: c, Image: images[i].Tensor)).Where(p => p.Image is not null).ToList();
            skipped.AddRange(batch.Select((c, i) => (c, images[i].Refusal))
                .Where(p => p.Refusal is not null)
                .Select(p => new SkippedImage(p.c.ImageId, p.Refusal!)));

            var recorded = classifier.Classify([.. kept.Select(p => new ClassifierInput(p.Image!, ClinicalFeatureEncoder.Encode(p.Case.Features)))]);
            var withheld = classifier.Classify([.. kept.Select(p => new ClassifierInput(p.Image!, NoMetadata))]);
            predictions.AddRange(kept.Select((p, i) =>
                new CasePrediction(p.Case, Reorder(recorded[i], columns), Reorder(withheld[i], columns))));
            progress.Report(start + batch.Count);
        }

        return (predictions, skipped);
    }

    private (float[]? Tensor, string? Refusal)[] Preprocess(List<PadUfes20Case> batch)
    {
        var results = new (float[]?, string?)[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            try
            {
                results[i] = (preprocessor.Preprocess(File.ReadAllBytes(batch[i].ImagePath), classifier.Contract.Input), null);
            }
            catch (ImageRejectedException rejected)
            {
                results[i] = (null, rejected.Message);
            }
        });
        return results;
    }

    private static int[] ColumnOfEachDiagnosis(IReadOnlyList<Diagnosis> classOrder) =>
        [.. Diagnoses.All.Select(d => classOrder.ToList().IndexOf(d))];

    private static float[] Reorder(float[] probabilities, int[] columns) => [.. columns.Select(c => probabilities[c])];
}
