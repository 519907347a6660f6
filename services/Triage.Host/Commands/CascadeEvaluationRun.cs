using Triage.Domain.ClinicalFeatures;
using Triage.Imaging;
using Triage.Inference.Batching;
using Triage.Inference.Escalation;
using Triage.Inference.Models;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary>
/// Runs every case through <see cref="ModelCascade"/>, one case at a time as the inference service does,
/// with the metadata as recorded and withheld; the teacher also answers every case on its own.
/// </summary>
internal sealed class CascadeEvaluationRun(ServingModels models, ImagePreprocessor preprocessor, int batchSize)
{
    private static readonly float[] NoMetadata = ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty);

    // Each case alone, as at the lowest load: batching changes no output (OnnxClassifierTests), only timings.
    private readonly ModelCascade _cascade = new(models, preprocessor, new ImmediateScheduler(TimeProvider.System));
    private readonly OnnxClassifier _teacher = models.Teacher ?? throw new ArgumentException("The cascade needs a teacher.", nameof(models));

    public (IReadOnlyList<CascadePrediction> Predictions, IReadOnlyList<SkippedImage> Skipped) Run(
        IReadOnlyList<PadUfes20Case> cases, EvaluationProgress progress, CancellationToken cancellationToken)
    {
        var results = new (CascadePrediction? Prediction, SkippedImage? Skipped)[cases.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        for (var start = 0; start < cases.Count; start += batchSize)
        {
            var end = Math.Min(start + batchSize, cases.Count);
            Parallel.For(start, end, parallel, i => results[i] = Classify(cases[i]));
            progress.Report(end);
        }

        return (
            [.. results.Where(r => r.Prediction is not null).Select(r => r.Prediction!)],
            [.. results.Where(r => r.Skipped is not null).Select(r => r.Skipped!)]);
    }

    private (CascadePrediction?, SkippedImage?) Classify(PadUfes20Case @case)
    {
        var image = File.ReadAllBytes(@case.ImagePath);
        var features = ClinicalFeatureEncoder.Encode(@case.Features);
        try
        {
            return (new CascadePrediction(@case,
                Cascade(image, features), Cascade(image, NoMetadata),
                Teacher(image, features), Teacher(image, NoMetadata)), null);
        }
        catch (ImageRejectedException rejected)
        {
            return (null, new SkippedImage(@case.ImageId, rejected.Message));
        }
    }

    // The immediate scheduler completes synchronously.
    private CascadeOutcome Cascade(byte[] image, float[] features) => _cascade.ClassifyAsync(image, features).GetAwaiter().GetResult();

    private ModelRun Teacher(byte[] image, float[] features)
    {
        var input = preprocessor.Preprocess(image, _teacher.Contract.Input);
        return ModelRun.Of(_teacher, _teacher.Classify([new ClassifierInput(input, features)])[0], 0);
    }
}
