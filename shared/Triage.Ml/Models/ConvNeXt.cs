using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// ConvNeXt as torchvision builds it (same modules, parameter names and initialisation; tiny has
/// 28,589,128 parameters with 1000 classes): the reference the teacher's trunk is checked against.
/// </summary>
public sealed class ConvNeXt : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _features;
    private readonly Sequential _classifier;

    public ConvNeXt(ConvNeXtVariant variant, int classCount = 1000, double stochasticDepth = 0.1)
        : base($"ConvNeXt-{variant.Name}")
    {
        _features = nn.Sequential(ConvNeXtFeatures.Create(variant, stochasticDepth));
        _classifier = nn.Sequential(
            new LayerNorm2d(variant.OutputChannels), nn.Flatten(1), nn.Linear(variant.OutputChannels, classCount));
        register_module("features", _features);
        register_module("classifier", _classifier);
        WeightInitialization.ApplyConvNeXt(this);
    }

    public override Tensor forward(Tensor image) =>
        _classifier.call(nn.functional.adaptive_avg_pool2d(_features.call(image), 1));
}
