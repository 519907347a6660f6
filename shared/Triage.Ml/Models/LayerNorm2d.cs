using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>Layer normalisation over the channels of an [N, C, H, W] tensor (torchvision's ConvNeXt <c>LayerNorm2d</c>).</summary>
public sealed class LayerNorm2d : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter _bias;
    private readonly long[] _normalizedShape;
    private readonly double _epsilon;

    public LayerNorm2d(long channels, double epsilon = 1e-6) : base(nameof(LayerNorm2d))
    {
        _normalizedShape = [channels];
        _epsilon = epsilon;
        _weight = new Parameter(ones(channels));
        _bias = new Parameter(zeros(channels));
        register_parameter("weight", _weight);
        register_parameter("bias", _bias);
    }

    public override Tensor forward(Tensor input)
    {
        using var channelsLast = input.permute(0, 2, 3, 1);
        using var normalized = nn.functional.layer_norm(channelsLast, _normalizedShape, _weight, _bias, _epsilon);
        return normalized.permute(0, 3, 1, 2);
    }
}
