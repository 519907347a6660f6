namespace Triage.Contracts;

/// <summary>The model's answer for one case.</summary>
/// <param name="Probabilities">One entry per diagnosis, in the model's class order; they sum to 1.</param>
/// <param name="ExecutionProvider">The ONNX Runtime execution provider that really ran (CPU, CUDA).</param>
public sealed record ClassificationCompleted(
    Guid CaseId,
    string ModelName,
    string ModelVersion,
    string ExecutionProvider,
    IReadOnlyList<DiagnosisProbability> Probabilities,
    double InferenceMilliseconds,
    DateTimeOffset CompletedAt);

/// <param name="Diagnosis">The PAD-UFES-20 code: ACK, BCC, MEL, NEV, SCC or SEK.</param>
public sealed record DiagnosisProbability(string Diagnosis, double Probability);
