using TorchSharp;
using TorchSharp.Modules;
using Triage.Ml.Models;

namespace Triage.Ml.Onnx.Export;

/// <summary>
/// Writes one module as it computes in evaluation mode: a convolution followed by batch norm becomes one
/// folded convolution; dropout and stochastic depth are identities.
/// </summary>
internal static class ModuleWriter
{
    /// <summary>Writes <paramref name="module"/> applied to <paramref name="input"/>; returns its output's name.</summary>
    public static string Write(ExportGraph graph, torch.nn.Module module, string path, string input) => module switch
    {
        Sequential sequential => WriteSequence(graph, sequential, path, input),
        Conv2d conv => graph.Conv(path, input, conv),
        Linear linear => graph.Linear(path, input, linear.weight, linear.bias),
        LayerNorm norm when norm.normalized_shape.Length == 1 =>
            graph.LayerNorm(path, input, norm.weight ?? Missing(path), norm.bias ?? Missing(path), norm.eps),
        LayerNorm2d norm => ChannelLayerNorm(graph, norm, path, input),
        SiLU => graph.SiLU(path, input),
        ReLU => graph.Relu(path, input),
        GELU { approximate: GELU.Approximate.none } => graph.Gelu(path, input),
        Dropout or StochasticDepth => input,
        SqueezeExcitation excitation => EfficientNetBlocks.SqueezeExcitation(graph, excitation, path, input),
        MobileInvertedBottleneck bottleneck => EfficientNetBlocks.Bottleneck(graph, bottleneck, path, input),
        ConvNeXtBlock block => ConvNeXtBlocks.Block(graph, block, path, input),
        ResNetBasicBlock block => ResNetBlocks.Basic(graph, block, path, input),
        MaxPool2d pool => ResNetBlocks.MaxPool(graph, pool, path, input),
        _ => throw new NotSupportedException($"{path}: {module.GetType().Name} is not exported to ONNX."),
    };

    private static string WriteSequence(ExportGraph graph, Sequential sequential, string path, string input)
    {
        var children = sequential.Children();
        var value = input;
        for (var i = 0; i < children.Count; i++)
        {
            var (name, child) = children[i];
            if (child is Conv2d conv && i + 1 < children.Count && children[i + 1].Module is BatchNorm2d norm)
            {
                var (weight, bias) = BatchNormFolding.Fold(conv, norm);
                value = graph.Conv($"{path}.{name}", value, conv, weight, bias);
                i++;
            }
            else
            {
                value = Write(graph, child, $"{path}.{name}", value);
            }
        }

        return value;
    }

    /// <summary>LayerNorm2d: layer normalisation over the channel axis, between two transposes.</summary>
    private static string ChannelLayerNorm(ExportGraph graph, LayerNorm2d norm, string path, string input)
    {
        var channelsLast = graph.Transpose(path + ".channels_last", input, 0, 2, 3, 1);
        var normalized = graph.LayerNorm(path, channelsLast, norm.OwnParameter("weight"), norm.OwnParameter("bias"), LayerNorm2dEpsilon.Of(norm));
        return graph.Transpose(path + ".channels_first", normalized, 0, 3, 1, 2);
    }

    private static Parameter Missing(string path) =>
        throw new NotSupportedException($"{path}: layer norm without affine parameters is not exported.");
}
