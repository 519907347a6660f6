using Triage.Imaging;
using Triage.Ml.PadUfes20;
using Triage.Ml.Data;
using Triage.Ml.Evaluation;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Training;

/// <summary>A network's logits on every validation case, with the figures early stopping reads.</summary>
public sealed record ValidationPass(IReadOnlyList<double[]> Logits, IReadOnlyList<int> Labels, double Loss, ClassificationMetrics Metrics)
{
    public static ValidationPass Run(
        nn.Module<Tensor, Tensor?, NetworkOutput> network,
        LesionBatches validation,
        ImagePreprocessor preprocessor,
        int batchSize,
        MetadataVariant variant = MetadataVariant.AsRecorded)
    {
        network.eval();
        var logits = new List<double[]>();
        var labels = new List<int>();
        double lossSum = 0;
        using (no_grad())
        {
            foreach (var batch in validation.Evaluation(batchSize, variant, preprocessor))
            {
                using var scope = NewDisposeScope();
                var (images, metadata, truth) = BatchTensors.From(batch, validation.Spec);
                var output = network.forward(images, metadata);
                lossSum += nn.functional.cross_entropy(output.Logits, truth, reduction: nn.Reduction.Sum).item<float>();
                var values = output.Logits.to_type(ScalarType.Float64).data<double>().ToArray();
                logits.AddRange(values.Chunk(values.Length / batch.Count));
                labels.AddRange(batch.Labels.Select(l => (int)l));
            }
        }

        var predicted = logits.Select(row => Array.IndexOf(row, row.Max())).ToList();
        return new ValidationPass(logits, labels, lossSum / Math.Max(1, labels.Count), ClassificationMetrics.From(labels, predicted, 6));
    }
}
