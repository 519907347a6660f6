using Triage.Domain.ClinicalFeatures;
using Triage.Imaging;
using Triage.Ml.Experiments;

namespace Triage.Ml.Onnx.Export;

/// <summary>The contract metadata of a network trained by this project (docs/model-contract.md).</summary>
public static class ExportedArchitecture
{
    /// <summary><c>efficientnet-b0</c>, <c>convnext-VARIANT-cbam</c> or <c>resnet18[-mlnet]-cbam</c>, with <c>-metadata</c> when the network reads it.</summary>
    public static string Name(NetworkDescription network)
    {
        var trunk = network.Kind switch
        {
            NetworkDescription.Student => "efficientnet-b0",
            NetworkDescription.Teacher when network.Variant?.StartsWith("resnet", StringComparison.OrdinalIgnoreCase) == true =>
                $"{network.Variant.ToLowerInvariant()}-cbam",
            NetworkDescription.Teacher => $"convnext-{network.Variant?.ToLowerInvariant()}-cbam",
            _ => throw new ArgumentException($"Unknown network kind '{network.Kind}'.", nameof(network)),
        };
        return network.UseMetadata ? trunk + "-metadata" : trunk;
    }

    /// <summary>ImageNet normalisation at the training size, the <c>pad-ufes-20/v1</c> features.</summary>
    public static ModelDescription Describe(NetworkDescription network, string name, string version, float calibrationTemperature) =>
        new(name, version, Name(network), ModelInputSpec.ImageNet(network.ImageSize), ClinicalFeatureEncoder.Version, calibrationTemperature);
}
