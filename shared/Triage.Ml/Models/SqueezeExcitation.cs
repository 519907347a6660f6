using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>Squeeze-and-excitation with SiLU inside and a sigmoid gate (torchvision's <c>SqueezeExcitation</c>: fc1, fc2).</summary>
public sealed class SqueezeExcitation : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _reduce;
    private readonly Conv2d _expand;

    public SqueezeExcitation(long channels, long squeezeChannels) : base(nameof(SqueezeExcitation))
    {
        _reduce = nn.Conv2d(channels, squeezeChannels, 1);
        _expand = nn.Conv2d(squeezeChannels, channels, 1);
        register_module("fc1", _reduce);
        register_module("fc2", _expand);
    }

    public override Tensor forward(Tensor input)
    {
        var squeezed = nn.functional.adaptive_avg_pool2d(input, 1);
        var gate = _expand.call(nn.functional.silu(_reduce.call(squeezed))).sigmoid();
        return input * gate;
    }
}
