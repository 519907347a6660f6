using TorchSharp.Modules;
using Triage.Ml.Models;

namespace Triage.Ml.Onnx.Export;

/// <summary>ResNet's basic block (batch norms folded into their convolutions) and its stem's max pool.</summary>
internal static class ResNetBlocks
{
    public static string Basic(ExportGraph graph, ResNetBasicBlock block, string path, string input)
    {
        var first = graph.Relu(path + ".relu1", FoldedConv(graph, block, "conv1", "bn1", path, input));
        var residual = FoldedConv(graph, block, "conv2", "bn2", path, first);
        var shortcut = block.Downsample is { } downsample ? ModuleWriter.Write(graph, downsample, path + ".downsample", input) : input;
        return graph.Relu(path + ".relu2", graph.Add(path + ".add", residual, shortcut));
    }

    public static string MaxPool(ExportGraph graph, MaxPool2d pool, string path, string input)
    {
        var padding = pool.padding ?? [0, 0];
        if (pool.ceil_mode || (pool.dilation is { } dilation && dilation.Any(d => d != 1)))
            throw new NotSupportedException($"{path}: only max pooling without ceil mode or dilation is exported.");
        return graph.Node("MaxPool", path, input,
            OnnxAttributes.Ints("kernel_shape", pool.kernel_size),
            OnnxAttributes.Ints("strides", pool.stride ?? pool.kernel_size),
            OnnxAttributes.Ints("pads", [.. padding, .. padding]));
    }

    private static string FoldedConv(ExportGraph graph, ResNetBasicBlock block, string conv, string norm, string path, string input)
    {
        var convolution = block.Child<Conv2d>(conv);
        var (weight, bias) = BatchNormFolding.Fold(convolution, block.Child<BatchNorm2d>(norm));
        return graph.Conv($"{path}.{conv}", input, convolution, weight, bias);
    }
}
