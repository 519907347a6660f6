using TorchSharp.Modules;
using Triage.Ml.Models;

namespace Triage.Ml.Onnx.Export;

/// <summary>CBAM (the teacher's) and the activation map (the student's attention output).</summary>
internal static class AttentionBlocks
{
    /// <summary>Channel gate from the average- and max-pooled features through one shared MLP, then the spatial gate.</summary>
    public static (string Refined, string Map) ConvolutionalBlockAttention(
        ExportGraph graph, ConvolutionalBlockAttention module, string path, string input)
    {
        var mlp = module.Child<ChannelAttention>("channel").Child<Sequential>("mlp");
        var average = ModuleWriter.Write(graph, mlp, path + ".channel.mlp", graph.Node("GlobalAveragePool", path + ".channel.average", input));
        var maximum = ModuleWriter.Write(graph, mlp, path + ".channel.mlp", graph.Node("GlobalMaxPool", path + ".channel.maximum", input));
        var channelGate = graph.Sigmoid(path + ".channel.gate", graph.Add(path + ".channel.sum", average, maximum));
        var refined = graph.Mul(path + ".channel", input, channelGate);

        var mean = graph.Reduce("ReduceMean", path + ".spatial.mean", refined, 1);
        var max = graph.Reduce("ReduceMax", path + ".spatial.max", refined, 1);
        var conv = module.Child<SpatialAttention>("spatial").Child<Conv2d>("conv");
        var map = graph.Sigmoid(path + ".spatial", graph.Conv(path + ".spatial.conv", graph.Concat(path + ".spatial.pair", 1, mean, max), conv));
        return (graph.Mul(path, refined, map), map);
    }

    /// <summary><see cref="ActivationAttention.Map"/>: the channel mean of squares over its per-sample maximum.</summary>
    public static string ActivationMap(ExportGraph graph, string name, string features)
    {
        var energy = graph.Reduce("ReduceMean", name + ".energy", graph.Mul(name + ".square", features, features), 1);
        var peak = graph.Reduce("ReduceMax", name + ".peak", energy, 2, 3);
        var floor = graph.Node("Max", name + ".floor", [peak, graph.Scalar(1e-30f)]);
        return graph.Node("Div", name, [energy, floor]);
    }
}
