using TorchSharp.Modules;
using Triage.Ml.Models;

namespace Triage.Ml.Onnx.Export;

/// <summary>
/// The teacher: ConvNeXt or ResNet trunk with CBAM after each stage (the last one's spatial map is the attention
/// output), normalised pooled features beside the metadata encoder, head.
/// </summary>
internal static class TeacherGraph
{
    public static ExportedHeads Write(ExportGraph graph, TeacherNetwork teacher, string image, string metadata)
    {
        var attention = teacher.Child<ModuleList<ConvolutionalBlockAttention>>("attention");
        var value = image;
        string? map = null;
        var layers = teacher.Child<Sequential>("features").Children();
        for (var index = 0; index < layers.Count; index++)
        {
            var (name, layer) = layers[index];
            if (layer is Conv2d conv && index + 1 < layers.Count && layers[index + 1].Module is BatchNorm2d norm)
            {
                // ResNet's stem (conv1, bn1): one folded convolution; neither layer ends a stage.
                var (weight, bias) = BatchNormFolding.Fold(conv, norm);
                value = graph.Conv($"features.{name}", value, conv, weight, bias);
                index++;
                continue;
            }

            value = ModuleWriter.Write(graph, layer, $"features.{name}", value);
            var stage = teacher.Options.Variant.StageOfLayer(index);
            if (stage >= 0)
            {
                (value, map) = AttentionBlocks.ConvolutionalBlockAttention(graph, attention[stage], $"attention.{stage}", value);
            }
        }

        // The pooled map is [N, C, 1, 1], so LayerNorm2d over its channels is a layer norm of the [N, C] vector.
        var imageNorm = teacher.Child<Sequential>("classifier").Children()[0].Module as LayerNorm2d
            ?? throw new NotSupportedException("The teacher's classifier.0 is not a LayerNorm2d.");
        var pooled = graph.LayerNorm("classifier.0", graph.PoolToVector("pooled", value),
            imageNorm.OwnParameter("weight"), imageNorm.OwnParameter("bias"), LayerNorm2dEpsilon.Of(imageNorm));
        var fused = teacher.Options.UseMetadata
            ? graph.Concat("fused", 1, pooled, ModuleWriter.Write(graph, teacher.Child<Sequential>("metadata"), "metadata", metadata))
            : pooled;
        var logits = ModuleWriter.Write(graph, teacher.Child<Sequential>("head"), "head", fused);
        return new ExportedHeads(logits, map ?? throw new NotSupportedException("The teacher has no CBAM stage."));
    }
}
