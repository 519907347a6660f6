using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// What the student and the teacher return. <see cref="StageFeatures"/> are the feature maps at strides
/// 8, 16 and 32 (matching spatial sizes across the two networks, for attention transfer);
/// <see cref="PooledFeatures"/> are the globally pooled image features before fusion (for feature
/// distillation); <see cref="Attention"/> is a spatial map in [0, 1] at stride 32 (the ONNX <c>attention</c> output).
/// </summary>
public sealed record NetworkOutput(Tensor Logits, Tensor PooledFeatures, IReadOnlyList<Tensor> StageFeatures, Tensor Attention)
    : IDisposable
{
    public void Dispose()
    {
        Logits.Dispose();
        PooledFeatures.Dispose();
        foreach (var stage in StageFeatures)
            stage.Dispose();
        Attention.Dispose();
    }
}
