using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// torchvision's ConvNeXt <c>CNBlock</c>: depthwise 7x7 convolution, LayerNorm over channels, inverted
/// bottleneck (4x) with GELU, layer scale, stochastic depth and the residual connection.
/// </summary>
public sealed class ConvNeXtBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _block;
    private readonly Parameter _layerScale;
    private readonly StochasticDepth _stochasticDepth;

    public ConvNeXtBlock(long channels, double layerScale, double stochasticDepth) : base(nameof(ConvNeXtBlock))
    {
        _block = nn.Sequential(
            nn.Conv2d(channels, channels, 7, padding: 3, groups: channels),
            Permute.ToChannelsLast(),
            nn.LayerNorm(channels, eps: 1e-6),
            nn.Linear(channels, 4 * channels),
            nn.GELU(),
            nn.Linear(4 * channels, channels),
            Permute.ToChannelsFirst());
        _layerScale = new Parameter(full(channels, 1, 1, layerScale));
        _stochasticDepth = new StochasticDepth(stochasticDepth);
        register_module("block", _block);
        register_parameter("layer_scale", _layerScale);
        register_module("stochastic_depth", _stochasticDepth);
    }

    public override Tensor forward(Tensor input) =>
        _stochasticDepth.call(_layerScale * _block.call(input)) + input;
}
