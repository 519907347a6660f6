using Onnx;
using Triage.Domain.ClinicalFeatures;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Onnx.Export;

/// <summary>The largest absolute differences between ONNX Runtime (CPU) and TorchSharp in evaluation mode.</summary>
internal sealed record ParityMeasurement(double Logits, double Probabilities, double Attention)
{
    public static ParityMeasurement Of(nn.Module<Tensor, Tensor?, NetworkOutput> network, ModelProto model, float temperature, ParityInputs inputs)
    {
        var size = ParityNetworks.ImageSize;
        long[] imageShape = [inputs.Count, 3, size, size];
        long[] metadataShape = [inputs.Count, ClinicalFeatureEncoder.Width];
        using var runner = new OrtRunner(model);
        var onnx = runner.Run(
            new Dictionary<string, (float[], long[])> { ["image"] = (inputs.Images, imageShape), ["metadata"] = (inputs.Metadata, metadataShape) },
            "logits", "probabilities", "attention");

        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        var eager = network.call(tensor(inputs.Images, imageShape), tensor(inputs.Metadata, metadataShape));
        var probabilities = nn.functional.softmax(eager.Logits / temperature, 1);
        return new ParityMeasurement(
            MaxDifference(eager.Logits, onnx["logits"]),
            MaxDifference(probabilities, onnx["probabilities"]),
            MaxDifference(eager.Attention, onnx["attention"]));
    }

    private static double MaxDifference(Tensor expected, float[] actual)
    {
        var values = expected.contiguous().data<float>().ToArray();
        actual.Should().HaveCount(values.Length);
        return values.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
    }

    public override string ToString() => $"logits {Logits:E2}, probabilities {Probabilities:E2}, attention {Attention:E2}";
}
