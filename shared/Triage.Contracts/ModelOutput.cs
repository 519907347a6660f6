namespace Triage.Contracts;

/// <summary>What one model answered for a case.</summary>
/// <param name="Probabilities">One entry per diagnosis, in the platform's class order; they sum to 1.</param>
/// <param name="InferenceMilliseconds">The model run on the batch the case was part of, without loading or preprocessing the image.</param>
/// <param name="BatchSize">How many cases that model run held (the inference service batches concurrent cases).</param>
public sealed record ModelOutput(
    string ModelName,
    string ModelVersion,
    string ExecutionProvider,
    IReadOnlyList<DiagnosisProbability> Probabilities,
    double InferenceMilliseconds,
    int BatchSize = 1);
