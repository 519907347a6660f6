namespace Triage.Inference.Models;

/// <summary>The input and output names of docs/model-contract.md.</summary>
public static class ModelTensorNames
{
    public const string Image = "image";
    public const string Metadata = "metadata";
    public const string Logits = "logits";
    public const string Probabilities = "probabilities";
    public const string Attention = "attention";
}
