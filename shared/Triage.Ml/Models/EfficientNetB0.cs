using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// EfficientNet-B0 exactly as torchvision's <c>efficientnet_b0</c> (same modules, parameter names and
/// initialisation; 5,288,548 parameters with 1000 classes): the reference the student is checked against
/// and the shape ImageNet weights are imported into.
/// </summary>
public sealed class EfficientNetB0 : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _features;
    private readonly Sequential _classifier;

    public EfficientNetB0(int classCount = 1000, double dropout = 0.2, double stochasticDepth = 0.2)
        : base(nameof(EfficientNetB0))
    {
        _features = nn.Sequential(EfficientNetB0Features.Create(stochasticDepth));
        _classifier = nn.Sequential(nn.Dropout(dropout), nn.Linear(EfficientNetB0Features.OutputChannels, classCount));
        register_module("features", _features);
        register_module("classifier", _classifier);
        WeightInitialization.ApplyEfficientNet(this);
    }

    public override Tensor forward(Tensor image)
    {
        var pooled = nn.functional.adaptive_avg_pool2d(_features.call(image), 1).flatten(1);
        return _classifier.call(pooled);
    }
}
