namespace Triage.Inference.Models;

/// <summary>An ONNX file does not meet docs/model-contract.md; the message says what is wrong.</summary>
public sealed class ModelContractException(string modelPath, string problem)
    : Exception($"The model '{modelPath}' does not meet the model contract: {problem}")
{
    public string ModelPath { get; } = modelPath;

    public string Problem { get; } = problem;
}
