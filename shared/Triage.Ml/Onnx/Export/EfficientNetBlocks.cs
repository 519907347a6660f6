using TorchSharp.Modules;
using Triage.Ml.Models;

namespace Triage.Ml.Onnx.Export;

/// <summary>EfficientNet's squeeze-excitation and MBConv blocks.</summary>
internal static class EfficientNetBlocks
{
    public static string SqueezeExcitation(ExportGraph graph, SqueezeExcitation module, string path, string input)
    {
        var squeezed = graph.Node("GlobalAveragePool", path + ".squeeze", input);
        var reduced = graph.SiLU(path + ".fc1.silu", graph.Conv(path + ".fc1", squeezed, module.Child<Conv2d>("fc1")));
        var gate = graph.Sigmoid(path + ".gate", graph.Conv(path + ".fc2", reduced, module.Child<Conv2d>("fc2")));
        return graph.Mul(path, input, gate);
    }

    public static string Bottleneck(ExportGraph graph, MobileInvertedBottleneck module, string path, string input)
    {
        var block = module.Child<Sequential>("block");
        var output = ModuleWriter.Write(graph, block, path + ".block", input);
        return KeepsShape(block) ? graph.Add(path, output, input) : output;
    }

    /// <summary>The residual is added when the block keeps the shape: no stride, as many channels out as in.</summary>
    private static bool KeepsShape(Sequential block)
    {
        var convolutions = block.modules().OfType<Conv2d>().ToList();
        return convolutions.All(c => c.stride.All(s => s == 1)) && convolutions[0].in_channels == convolutions[^1].out_channels;
    }
}
