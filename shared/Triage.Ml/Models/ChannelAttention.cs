using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>CBAM's channel attention: one MLP (1x1 convolutions, ReLU) over average- and max-pooled features, summed, sigmoid.</summary>
public sealed class ChannelAttention : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _mlp;

    public ChannelAttention(long channels, long reduction = 16) : base(nameof(ChannelAttention))
    {
        var hidden = Math.Max(1, channels / reduction);
        _mlp = nn.Sequential(
            nn.Conv2d(channels, hidden, 1, bias: false), nn.ReLU(), nn.Conv2d(hidden, channels, 1, bias: false));
        register_module("mlp", _mlp);
    }

    /// <summary>The per-channel gate, [N, C, 1, 1] in (0, 1).</summary>
    public override Tensor forward(Tensor features)
    {
        var average = _mlp.call(nn.functional.adaptive_avg_pool2d(features, 1));
        var maximum = _mlp.call(nn.functional.adaptive_max_pool2d(features, [1, 1]));
        return (average + maximum).sigmoid();
    }
}
