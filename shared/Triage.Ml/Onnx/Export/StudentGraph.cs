using TorchSharp.Modules;
using Triage.Ml.Models;

namespace Triage.Ml.Onnx.Export;

/// <summary>The student: EfficientNet-B0 trunk, activation map, pooled features beside the metadata branch, head.</summary>
internal static class StudentGraph
{
    public static ExportedHeads Write(ExportGraph graph, StudentNetwork student, string image, string metadata)
    {
        var features = ModuleWriter.Write(graph, student.Child<Sequential>("features"), "features", image);
        var attention = AttentionBlocks.ActivationMap(graph, "activation_map", features);
        var pooled = graph.PoolToVector("pooled", features);
        var fused = student.Options.UseMetadata
            ? graph.Concat("fused", 1, pooled, ModuleWriter.Write(graph, student.Child<Sequential>("metadata"), "metadata", metadata))
            : pooled;
        var logits = ModuleWriter.Write(graph, student.Child<Sequential>("classifier"), "classifier", fused);
        return new ExportedHeads(logits, attention);
    }
}
