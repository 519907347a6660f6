using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// The teacher: a ConvNeXt or ResNet trunk (torchvision's parameter names under <c>features.*</c>; the
/// pooled features' LayerNorm is <c>classifier.0</c> as in torchvision's ConvNeXt) with a CBAM block after
/// each of its four stages, a metadata encoder, and a head over the concatenated
/// pooled image and metadata features. Stage features: the CBAM outputs of the stages at strides 8, 16
/// and 32; attention: the spatial map of the last CBAM.
/// </summary>
public sealed class TeacherNetwork : nn.Module<Tensor, Tensor?, NetworkOutput>
{
    private readonly IReadOnlyList<nn.Module<Tensor, Tensor>> _featureLayers;
    private readonly ModuleList<ConvolutionalBlockAttention> _attention;
    private readonly LayerNorm2d _imageNorm;
    private readonly Sequential? _metadata;
    private readonly Sequential _head;

    public TeacherNetwork(TeacherNetworkOptions options) : base(nameof(TeacherNetwork))
    {
        Options = options;
        var variant = options.Variant;
        var layers = variant.CreateLayers(options.StochasticDepth);
        _featureLayers = layers.Select(l => l.Layer).ToArray();
        _attention = nn.ModuleList(variant.Widths.Select(w => new ConvolutionalBlockAttention(w, options.AttentionReduction)).ToArray());
        _imageNorm = new LayerNorm2d(variant.OutputChannels);
        register_module("features", nn.Sequential(layers.Select(l => (l.Name, (nn.Module<Tensor, Tensor>)l.Layer))));
        register_module("attention", _attention);
        register_module("classifier", nn.Sequential(_imageNorm));

        var fusedWidth = variant.OutputChannels;
        if (options.UseMetadata)
        {
            _metadata = MetadataBranches.Teacher(options.MetadataWidth, options.MetadataFeatures, options.MetadataDropout);
            register_module("metadata", _metadata);
            fusedWidth += options.MetadataFeatures;
        }

        _head = nn.Sequential(nn.Dropout(options.Dropout), nn.Linear(fusedWidth, options.ClassCount));
        register_module("head", _head);
        variant.Initialize(this);
    }

    public TeacherNetworkOptions Options { get; }

    public long PooledFeatureCount => Options.Variant.OutputChannels;

    /// <param name="image">[N, 3, H, W], normalised as the imaging pipeline does.</param>
    /// <param name="metadata">[N, ClinicalFeatureEncoder.Width]; required unless the metadata encoder is off.</param>
    public override NetworkOutput forward(Tensor image, Tensor? metadata)
    {
        var stages = new List<Tensor>();
        Tensor? spatialMap = null;
        var features = image;
        for (var index = 0; index < _featureLayers.Count; index++)
        {
            features = _featureLayers[index].call(features);
            var stage = Options.Variant.StageOfLayer(index);
            if (stage < 0)
                continue;

            (features, spatialMap) = _attention[stage].call(features);
            if (stage > 0)
                stages.Add(features);
        }

        var pooled = _imageNorm.call(nn.functional.adaptive_avg_pool2d(features, 1)).flatten(1);
        var fused = _metadata is null ? pooled : cat([pooled, _metadata.call(MetadataBranches.RequireInput(metadata, Options.MetadataWidth))], 1);
        return new NetworkOutput(_head.call(fused), pooled, stages, spatialMap!);
    }
}
