using Triage.Domain.ClinicalFeatures;
using Triage.Imaging;
using Triage.Ml.Data;
using static TorchSharp.torch;

namespace Triage.Ml.Training;

internal static class BatchTensors
{
    /// <summary>The batch as tensors, created in the caller's dispose scope.</summary>
    public static (Tensor Images, Tensor Metadata, Tensor Labels) From(LesionBatch batch, ModelInputSpec spec) =>
        (tensor(batch.Images, [batch.Count, 3, spec.Height, spec.Width]),
         tensor(batch.Metadata, [batch.Count, ClinicalFeatureEncoder.Width]),
         tensor(batch.Labels));
}
