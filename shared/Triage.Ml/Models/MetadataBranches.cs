using TorchSharp;
using TorchSharp.Modules;

namespace Triage.Ml.Models;

/// <summary>
/// MLPs over the encoded clinical features (<c>ClinicalFeatureEncoder</c>: numbers already scaled,
/// categories one-hot, every feature with an explicit missing indicator), whose output is concatenated
/// with the pooled image features.
/// </summary>
public static class MetadataBranches
{
    /// <summary>The metadata a network with a branch needs: [N, width], never null.</summary>
    public static torch.Tensor RequireInput(torch.Tensor? metadata, int width)
    {
        if (metadata is null)
            throw new ArgumentNullException(nameof(metadata), "This network has a metadata branch; pass the encoded clinical features.");
        if (metadata.dim() != 2 || metadata.shape[1] != width)
            throw new ArgumentException($"Metadata must be [N, {width}], not [{string.Join(", ", metadata.shape)}].", nameof(metadata));
        return metadata;
    }

    /// <summary>The student's: small, and only operators that export plainly (Linear, SiLU).</summary>
    public static Sequential Student(long inputWidth, long hidden, long outputWidth) =>
        torch.nn.Sequential(
            torch.nn.Linear(inputWidth, hidden), torch.nn.SiLU(),
            torch.nn.Linear(hidden, outputWidth), torch.nn.SiLU());

    /// <summary>The teacher's: two LayerNorm-GELU layers with dropout between them.</summary>
    public static Sequential Teacher(long inputWidth, long width, double dropout) =>
        torch.nn.Sequential(
            torch.nn.Linear(inputWidth, width), torch.nn.LayerNorm(width), torch.nn.GELU(), torch.nn.Dropout(dropout),
            torch.nn.Linear(width, width), torch.nn.LayerNorm(width), torch.nn.GELU());
}
