using Onnx;
using TorchSharp;
using Triage.Ml.Experiments;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Onnx.Export;

/// <summary>
/// Writes a trained <see cref="StudentNetwork"/> or <see cref="TeacherNetwork"/> as the ONNX graph of its
/// evaluation-mode computation (docs/model-contract.md, "Exporting trained networks"): inputs <c>image</c>
/// and <c>metadata</c>; outputs <c>logits</c>, <c>probabilities</c> (softmax of logits over the calibration
/// temperature) and <c>attention</c>; a dynamic batch; opset 17. The network itself is left as it was.
/// </summary>
public static class OnnxNetworkExporter
{
    public static ModelProto Export(
        nn.Module network, NetworkDescription description, ModelDescription contract, WeightPrecision precision = WeightPrecision.Float32)
    {
        ArgumentNullException.ThrowIfNull(network);
        var (metadataWidth, classCount) = CheckAgainstDescription(network, description);
        var input = contract.Input;
        if (input.Width != description.ImageSize || input.Height != description.ImageSize)
        {
            throw new ArgumentException($"The contract declares {input.Width}x{input.Height} images; the network was trained at {description.ImageSize}.", nameof(contract));
        }

        if (!(contract.CalibrationTemperature > 0))
        {
            throw new ArgumentException($"The calibration temperature must be positive, not {contract.CalibrationTemperature}.", nameof(contract));
        }

        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        var builder = new OnnxGraphBuilder(contract.Name);
        builder.Input("image", null, 3, input.Height, input.Width);
        builder.Input("metadata", null, metadataWidth);

        var graph = new ExportGraph(builder);
        var (heads, trunk) = network switch
        {
            StudentNetwork student => (StudentGraph.Write(graph, student, "image", "metadata"), student.Child<nn.Module>("features")),
            TeacherNetwork teacher => (TeacherGraph.Write(graph, teacher, "image", "metadata"), teacher.Child<nn.Module>("features")),
            _ => throw new ArgumentException($"{network.GetType().Name} is neither the student nor the teacher.", nameof(network)),
        };

        builder.Node("Identity", [heads.Logits], "logits");
        builder.Node("Identity", [heads.Attention], "attention");
        var scaled = graph.Node("Div", "logits_over_temperature", ["logits", graph.Scalar(contract.CalibrationTemperature)]);
        builder.Node("Softmax", [scaled], "probabilities", OnnxAttributes.Int("axis", -1));

        var (mapHeight, mapWidth) = FeatureMapSize.After(trunk, input.Height, input.Width);
        builder.Output("logits", null, classCount);
        builder.Output("probabilities", null, classCount);
        builder.Output("attention", null, 1, mapHeight, mapWidth);
        foreach (var (key, value) in contract.ToMetadata())
        {
            builder.Metadata(key, value);
        }

        var model = builder.Build();
        return precision == WeightPrecision.Float16 ? Float16Weights.Apply(model) : model;
    }

    private static (int MetadataWidth, int ClassCount) CheckAgainstDescription(nn.Module network, NetworkDescription description)
    {
        var (kind, variant, useMetadata, metadataWidth, classCount) = network switch
        {
            StudentNetwork s => (NetworkDescription.Student, (string?)null, s.Options.UseMetadata, s.Options.MetadataWidth, s.Options.ClassCount),
            TeacherNetwork t => (NetworkDescription.Teacher, t.Options.Variant.Name, t.Options.UseMetadata, t.Options.MetadataWidth, t.Options.ClassCount),
            _ => throw new ArgumentException($"{network.GetType().Name} is neither the student nor the teacher.", nameof(network)),
        };
        var described = description.Kind == kind
                        && description.UseMetadata == useMetadata
                        && (variant is null || string.Equals(description.Variant, variant, StringComparison.OrdinalIgnoreCase));
        return described
            ? (metadataWidth, classCount)
            : throw new ArgumentException(
                $"The description ({description.Kind} {description.Variant}, metadata {description.UseMetadata}) does not match the network ({kind} {variant}, metadata {useMetadata}).",
                nameof(description));
    }
}
