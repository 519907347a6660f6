using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Onnx.Export;

/// <summary>
/// A convolution followed by batch norm in evaluation mode is one convolution: with
/// <c>s = γ / √(running_var + ε)</c> per output channel, the weights become <c>w·s</c> and the bias
/// <c>β + (b - running_mean)·s</c>. Computed in float64.
/// </summary>
internal static class BatchNormFolding
{
    public static (Tensor Weight, Tensor Bias) Fold(Conv2d conv, BatchNorm2d norm)
    {
        if (norm.running_mean is null || norm.running_var is null)
        {
            throw new NotSupportedException("Batch norm without running statistics cannot be folded.");
        }

        var mean = norm.running_mean.to(ScalarType.Float64);
        var variance = norm.running_var.to(ScalarType.Float64);
        var gamma = norm.weight?.detach().to(ScalarType.Float64) ?? ones_like(mean);
        var beta = norm.bias?.detach().to(ScalarType.Float64) ?? zeros_like(mean);
        var convBias = conv.bias?.detach().to(ScalarType.Float64) ?? zeros_like(mean);

        var scale = gamma / (variance + norm.eps).sqrt();
        var weight = conv.weight.detach().to(ScalarType.Float64) * scale.view(-1, 1, 1, 1);
        return (weight, beta + (convBias - mean) * scale);
    }
}
