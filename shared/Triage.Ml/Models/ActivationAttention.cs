using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>Spatial attention read from activations (Zagoruyko and Komodakis): the channel mean of squares.</summary>
public static class ActivationAttention
{
    /// <summary>[N, C, H, W] to [N, 1, H, W], scaled per sample so that its maximum is 1.</summary>
    public static Tensor Map(Tensor features)
    {
        var energy = features.square().mean([1], keepdim: true);
        // Untrained or eval-mode activations can be tiny (1e-27 energy is normal for a fresh EfficientNet
        // in eval mode), so the floor only guards against an all-zero map.
        return energy / energy.amax([2, 3], keepdim: true).clamp_min(1e-30);
    }
}
