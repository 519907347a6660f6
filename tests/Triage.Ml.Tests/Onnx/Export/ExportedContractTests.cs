using Microsoft.Extensions.Logging.Abstractions;
using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Imaging;
using Triage.Inference.Models;
using Triage.Ml.Onnx;
using Triage.Ml.Onnx.Export;
using Triage.Ml.Tests.Models;
using Triage.Testing;

namespace Triage.Ml.Tests.Onnx.Export;

/// <summary>Exported networks open in the inference service, which checks them against docs/model-contract.md.</summary>
[Collection(TorchModelsCollection.Name)]
public sealed class ExportedContractTests
{
    public static TheoryData<string, string> Architectures => new()
    {
        { "student", "efficientnet-b0-metadata" },
        { "student-image-only", "efficientnet-b0" },
        { "teacher-atto", "convnext-atto-cbam-metadata" },
        { "teacher-resnet18-mlnet", "resnet18-mlnet-cbam-metadata" },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Exported_file_passes_the_inference_contract_check(string name, string architecture)
    {
        using var network = ParityNetworks.Create(name, settled: false);
        var description = ParityNetworks.Describe(name);
        var path = Path.Combine(TestPaths.NewTempFolder("onnx-export"), $"{name}.onnx");
        OnnxModelFile.Write(OnnxNetworkExporter.Export(network, description, ExportedArchitecture.Describe(description, name, "2.3.4", 1.25f)), path);

        using var classifier = OnnxClassifier.Open(path, ExecutionProviderPreference.Cpu, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance));

        var contract = classifier.Contract;
        (contract.ModelName, contract.ModelVersion, contract.Architecture).Should().Be((name, "2.3.4", architecture));
        (contract.CalibrationTemperature, contract.FeatureEncoding, contract.MetadataWidth, contract.HasAttention)
            .Should().Be((1.25f, ClinicalFeatureEncoder.Version, ClinicalFeatureEncoder.Width, true));
        contract.ClassOrder.Should().Equal(Diagnoses.All);
        contract.Input.Should().BeEquivalentTo(ModelInputSpec.ImageNet(ParityNetworks.ImageSize));

        var item = new ClassifierInput(new float[contract.Input.TensorLength], new float[contract.MetadataWidth]);
        classifier.Classify([item, item, item]).Should().HaveCount(3, "the batch is dynamic")
            .And.AllSatisfy(row => row.Sum().Should().BeApproximately(1f, 1e-5f));
    }
}
