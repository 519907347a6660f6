using TorchSharp.Modules;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Onnx.Export;

/// <summary>ConvNeXt's block: depthwise convolution, then LayerNorm and the MLP channels-last, then the residual.</summary>
internal static class ConvNeXtBlocks
{
    public static string Block(ExportGraph graph, ConvNeXtBlock module, string path, string input)
    {
        var layers = module.Child<Sequential>("block").Children().Select(c => c.Module).ToList();
        if (layers is not [Conv2d depthwise, Permute, LayerNorm, Linear expand, GELU, Linear project, Permute])
        {
            throw new NotSupportedException($"{path}: the block's layers are not depthwise conv, permute, norm, linear, GELU, linear, permute.");
        }

        var value = graph.Conv(path + ".block.0", input, depthwise);
        value = graph.Transpose(path + ".block.1", value, 0, 2, 3, 1);
        value = ModuleWriter.Write(graph, layers[2], path + ".block.2", value);
        value = graph.Linear(path + ".block.3", value, expand.weight, expand.bias);
        value = ModuleWriter.Write(graph, layers[4], path + ".block.4", value);

        // Layer scale folded into the projection: s·(x Wᵀ + b) = x (s·W)ᵀ + s·b.
        var scale = module.OwnParameter("layer_scale").detach().to(ScalarType.Float64).flatten();
        var weight = project.weight.detach().to(ScalarType.Float64) * scale.unsqueeze(1);
        var bias = (project.bias?.detach().to(ScalarType.Float64) ?? zeros_like(scale)) * scale;
        value = graph.Linear(path + ".block.5", value, weight, bias);
        value = graph.Transpose(path + ".block.6", value, 0, 3, 1, 2);
        return graph.Add(path, value, input);
    }
}
