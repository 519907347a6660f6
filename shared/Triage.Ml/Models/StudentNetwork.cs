using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// The student: torchvision's EfficientNet-B0 trunk (parameter names <c>features.*</c> unchanged, so
/// ImageNet weights import by key), an optional metadata branch, and a classifier over the concatenated
/// pooled image and metadata features. Stage features: the outputs of <c>features.3</c>, <c>.5</c> and
/// <c>.8</c> (strides 8, 16, 32); attention: <see cref="ActivationAttention"/> of <c>features.8</c>.
/// </summary>
public sealed class StudentNetwork : nn.Module<Tensor, Tensor?, NetworkOutput>
{
    private readonly IReadOnlyList<nn.Module<Tensor, Tensor>> _featureLayers;
    private readonly Sequential? _metadata;
    private readonly Sequential _classifier;

    public StudentNetwork(StudentNetworkOptions? options = null) : base(nameof(StudentNetwork))
    {
        Options = options ?? new StudentNetworkOptions();
        _featureLayers = EfficientNetB0Features.Create(Options.StochasticDepth);
        register_module("features", nn.Sequential(_featureLayers));

        var fusedWidth = EfficientNetB0Features.OutputChannels;
        if (Options.UseMetadata)
        {
            _metadata = MetadataBranches.Student(Options.MetadataWidth, Options.MetadataHidden, Options.MetadataFeatures);
            register_module("metadata", _metadata);
            fusedWidth += Options.MetadataFeatures;
        }

        _classifier = nn.Sequential(nn.Dropout(Options.Dropout), nn.Linear(fusedWidth, Options.ClassCount));
        register_module("classifier", _classifier);
        WeightInitialization.ApplyEfficientNet(this);
        // Trained from scratch on a few hundred photos, a zero head starts from uniform predictions
        // instead of confident random ones (torchvision's range is sized for 1000 classes).
        WeightInitialization.ZeroLinear((Linear)_classifier[1]);
    }

    public StudentNetworkOptions Options { get; }

    public static long PooledFeatureCount => EfficientNetB0Features.OutputChannels;

    /// <param name="image">[N, 3, H, W], normalised as the imaging pipeline does.</param>
    /// <param name="metadata">[N, ClinicalFeatureEncoder.Width]; required unless the metadata branch is off.</param>
    public override NetworkOutput forward(Tensor image, Tensor? metadata)
    {
        var stages = new List<Tensor>();
        var features = image;
        for (var index = 0; index < _featureLayers.Count; index++)
        {
            features = _featureLayers[index].call(features);
            if (EfficientNetB0Features.StrideTaps.Contains(index))
                stages.Add(features);
        }

        var pooled = nn.functional.adaptive_avg_pool2d(features, 1).flatten(1);
        var fused = _metadata is null ? pooled : cat([pooled, _metadata.call(MetadataBranches.RequireInput(metadata, Options.MetadataWidth))], 1);
        return new NetworkOutput(_classifier.call(fused), pooled, stages, ActivationAttention.Map(features));
    }
}
