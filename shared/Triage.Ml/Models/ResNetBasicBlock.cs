using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// torchvision's ResNet <c>BasicBlock</c> (parameter names <c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>,
/// <c>downsample.0</c>, <c>downsample.1</c>): two 3x3 convolutions with batch norm, the stride on the first,
/// and a 1x1 projection with batch norm on the shortcut when the shape changes.
/// </summary>
public sealed class ResNetBasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly Sequential? _downsample;

    public ResNetBasicBlock(long input, long output, long stride) : base(nameof(ResNetBasicBlock))
    {
        _conv1 = nn.Conv2d(input, output, 3, stride: stride, padding: 1, bias: false);
        _bn1 = nn.BatchNorm2d(output);
        _conv2 = nn.Conv2d(output, output, 3, padding: 1, bias: false);
        _bn2 = nn.BatchNorm2d(output);
        register_module("conv1", _conv1);
        register_module("bn1", _bn1);
        register_module("relu", nn.ReLU());
        register_module("conv2", _conv2);
        register_module("bn2", _bn2);
        if (stride != 1 || input != output)
        {
            _downsample = nn.Sequential(nn.Conv2d(input, output, 1, stride: stride, bias: false), nn.BatchNorm2d(output));
            register_module("downsample", _downsample);
        }
    }

    public Sequential? Downsample => _downsample;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var residual = _bn2.call(_conv2.call(nn.functional.relu(_bn1.call(_conv1.call(input)))));
        var shortcut = _downsample is null ? input : _downsample.call(input);
        return nn.functional.relu(residual + shortcut).MoveToOuterDisposeScope();
    }
}
