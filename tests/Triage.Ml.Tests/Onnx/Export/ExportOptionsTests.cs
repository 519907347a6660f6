using Triage.Imaging;
using Triage.Ml.Experiments;
using Triage.Ml.Onnx;
using Triage.Ml.Onnx.Export;
using Triage.Ml.Tests.Models;
using Xunit.Abstractions;

namespace Triage.Ml.Tests.Onnx.Export;

[Collection(TorchModelsCollection.Name)]
public sealed class ExportOptionsTests(ITestOutputHelper output)
{
    private const string Name = "teacher-atto";
    private static readonly NetworkDescription Description = ParityNetworks.Describe(Name);
    private static readonly ModelDescription Contract = ExportedArchitecture.Describe(Description, Name, "1.0.0", 1.5f);

    [Fact]
    public void Float16_weights_halve_the_file_and_stay_close_to_the_network()
    {
        using var network = ParityNetworks.Create(Name);
        var single = OnnxNetworkExporter.Export(network, Description, Contract);
        var half = OnnxNetworkExporter.Export(network, Description, Contract, WeightPrecision.Float16);

        var (singleBytes, halfBytes) = (OnnxModelFile.ToBytes(single).Length, OnnxModelFile.ToBytes(half).Length);
        var measured = ParityMeasurement.Of(network, half, Contract.CalibrationTemperature, ParityInputs.RealPhotos());
        output.WriteLine($"float32 {singleBytes:N0} bytes, float16 {halfBytes:N0} bytes; float16 against TorchSharp: {measured}");

        ((double)halfBytes / singleBytes).Should().BeInRange(0.45, 0.55);
        measured.Probabilities.Should().BeLessThan(1e-3);
    }

    [Fact]
    public void Refuses_a_description_of_another_network()
    {
        using var network = ParityNetworks.Create(Name, settled: false);

        var export = () => OnnxNetworkExporter.Export(network, ParityNetworks.Describe("student"), Contract);

        export.Should().Throw<ArgumentException>().WithMessage("*does not match the network*");
    }

    [Fact]
    public void Refuses_a_contract_whose_image_size_differs_from_training()
    {
        using var network = ParityNetworks.Create(Name, settled: false);

        var export = () => OnnxNetworkExporter.Export(network, Description, Contract with { Input = ModelInputSpec.ImageNet(224) });

        export.Should().Throw<ArgumentException>().WithMessage("*trained at 64*");
    }
}
