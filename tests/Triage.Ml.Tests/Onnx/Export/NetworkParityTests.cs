using Triage.Ml.Onnx.Export;
using Triage.Ml.Tests.Models;
using Xunit.Abstractions;

namespace Triage.Ml.Tests.Onnx.Export;

[Collection(TorchModelsCollection.Name)]
public sealed class NetworkParityTests(ITestOutputHelper output)
{
    private const float Temperature = 1.7f;

    public static TheoryData<string> Networks => new(ParityNetworks.Names);

    [Theory]
    [MemberData(nameof(Networks))]
    public void Onnx_runtime_agrees_with_torchsharp_on_random_and_real_images(string name)
    {
        using var network = ParityNetworks.Create(name);
        var description = ParityNetworks.Describe(name);
        var model = OnnxNetworkExporter.Export(network, description, ExportedArchitecture.Describe(description, name, "0.1.0", Temperature));

        foreach (var inputs in new[] { ParityInputs.Random(seed: 3), ParityInputs.RealPhotos() })
        {
            var measured = ParityMeasurement.Of(network, model, Temperature, inputs);
            output.WriteLine($"{name}, {inputs.Kind} images: {measured}");
            measured.Logits.Should().BeLessThan(1e-3);
            measured.Probabilities.Should().BeLessThan(1e-4);
            measured.Attention.Should().BeLessThan(1e-4);
        }
    }
}
