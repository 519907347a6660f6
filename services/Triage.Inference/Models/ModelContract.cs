using Microsoft.ML.OnnxRuntime;
using Triage.Domain.Diagnoses;
using Triage.Imaging;

namespace Triage.Inference.Models;

/// <summary>What an ONNX classifier declares about itself (docs/model-contract.md), read from the file.</summary>
/// <param name="ClassOrder">The diagnosis of each output index.</param>
/// <param name="MetadataWidth">The width of the <c>metadata</c> input.</param>
public sealed record ModelContract(
    string ModelName,
    string ModelVersion,
    string Architecture,
    IReadOnlyList<Diagnosis> ClassOrder,
    ModelInputSpec Input,
    string FeatureEncoding,
    int MetadataWidth,
    float CalibrationTemperature,
    bool HasAttention)
{
    /// <exception cref="ModelContractException">A key is missing or malformed, or the graph's inputs
    /// and outputs disagree with the metadata or the contract.</exception>
    public static ModelContract Read(InferenceSession session, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(session);
        var declared = ModelMetadataParser.Parse(session.ModelMetadata.CustomMetadataMap, modelPath);
        var signature = ModelSignature.Check(session.InputMetadata, session.OutputMetadata, declared, modelPath);
        return declared with { MetadataWidth = signature.MetadataWidth, HasAttention = signature.HasAttention };
    }
}
