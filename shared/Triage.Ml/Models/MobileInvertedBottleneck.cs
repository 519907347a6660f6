using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// EfficientNet's MBConv block as torchvision builds it: 1x1 expansion (skipped at ratio 1), depthwise
/// convolution, squeeze-excitation (squeeze width = input channels / 4), 1x1 projection; the residual
/// branch goes through stochastic depth when the shape is kept.
/// </summary>
public sealed class MobileInvertedBottleneck : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _block;
    private readonly StochasticDepth _stochasticDepth;
    private readonly bool _residual;

    public MobileInvertedBottleneck(
        long inputChannels, long outputChannels, long expandRatio, long kernelSize, long stride, double stochasticDepth)
        : base(nameof(MobileInvertedBottleneck))
    {
        _residual = stride == 1 && inputChannels == outputChannels;
        var expanded = inputChannels * expandRatio;
        var layers = new List<nn.Module<Tensor, Tensor>>();
        if (expanded != inputChannels)
            layers.Add(ConvBatchNormActivation.Create(inputChannels, expanded, 1));
        layers.Add(ConvBatchNormActivation.Create(expanded, expanded, kernelSize, stride, groups: expanded));
        layers.Add(new SqueezeExcitation(expanded, Math.Max(1, inputChannels / 4)));
        layers.Add(ConvBatchNormActivation.Create(expanded, outputChannels, 1, activation: false));

        _block = nn.Sequential(layers);
        _stochasticDepth = new StochasticDepth(stochasticDepth);
        register_module("block", _block);
        register_module("stochastic_depth", _stochasticDepth);
    }

    public override Tensor forward(Tensor input)
    {
        var result = _block.call(input);
        return _residual ? _stochasticDepth.call(result) + input : result;
    }
}
