using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>CBAM (Woo et al., 2018): channel attention, then spatial attention, each multiplied into the features.</summary>
public sealed class ConvolutionalBlockAttention : nn.Module<Tensor, (Tensor Refined, Tensor SpatialMap)>
{
    private readonly ChannelAttention _channel;
    private readonly SpatialAttention _spatial;

    public ConvolutionalBlockAttention(long channels, long reduction = 16) : base(nameof(ConvolutionalBlockAttention))
    {
        _channel = new ChannelAttention(channels, reduction);
        _spatial = new SpatialAttention();
        register_module("channel", _channel);
        register_module("spatial", _spatial);
    }

    public override (Tensor Refined, Tensor SpatialMap) forward(Tensor features)
    {
        var channelRefined = features * _channel.call(features);
        var map = _spatial.call(channelRefined);
        return (channelRefined * map, map);
    }
}
