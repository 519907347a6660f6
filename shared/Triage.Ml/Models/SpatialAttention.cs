using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>CBAM's spatial attention: a 7x7 convolution over the channel-wise mean and maximum, sigmoid.</summary>
public sealed class SpatialAttention : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv;

    public SpatialAttention(long kernelSize = 7) : base(nameof(SpatialAttention))
    {
        _conv = nn.Conv2d(2, 1, kernelSize, padding: kernelSize / 2, bias: false);
        register_module("conv", _conv);
    }

    /// <summary>The spatial map, [N, 1, H, W] in (0, 1).</summary>
    public override Tensor forward(Tensor features)
    {
        var mean = features.mean([1], keepdim: true);
        var maximum = features.amax([1], keepdim: true);
        return _conv.call(cat([mean, maximum], 1)).sigmoid();
    }
}
