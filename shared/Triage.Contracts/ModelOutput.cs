namespace Triage.Contracts;

/// <summary>What one model answered for a case.</summary>
/// <param name="Probabilities">One entry per diagnosis, in the platform's class order; they sum to 1.</param>
/// <param name="InferenceMilliseconds">The model run on the batch the case was part of, without loading or preprocessing the image.</param>
/// <param name="BatchSize">How many cases that model run held (the inference service batches concurrent cases).</param>
/// <param name="Attention">The model's attention map, when its file exports one.</param>
public sealed record ModelOutput(
    string ModelName,
    string ModelVersion,
    string ExecutionProvider,
    IReadOnlyList<DiagnosisProbability> Probabilities,
    double InferenceMilliseconds,
    int BatchSize = 1,
    AttentionMap? Attention = null);

/// <summary>Where the model looked: its spatial attention over the photo, row by row, values in [0, 1]
/// (docs/model-contract.md, output <c>attention</c>), at the resolution of the network's last stage.</summary>
public sealed record AttentionMap(int Height, int Width, IReadOnlyList<float> Values);
