namespace Triage.Contracts;

/// <summary>
/// The answer for one case. The student always runs; the teacher runs when the student's answer is
/// escalated, and then the teacher's answer decides. <paramref name="ModelName"/>,
/// <paramref name="ModelVersion"/>, <paramref name="ExecutionProvider"/>, <paramref name="Probabilities"/>
/// and <paramref name="InferenceMilliseconds"/> are those of the deciding model.
/// </summary>
/// <param name="Probabilities">One entry per diagnosis, in the platform's class order; they sum to 1.</param>
/// <param name="ExecutionProvider">The ONNX Runtime execution provider that really ran (CPU, CUDA).</param>
/// <param name="DecidedBy"><see cref="ModelRole.Student"/> or <see cref="ModelRole.Teacher"/>.</param>
/// <param name="TeacherOutput">Null when the teacher did not run.</param>
/// <param name="EscalationReasons">Why the case went to the teacher (<c>LowConfidence</c>,
/// <c>UncertainCancerProbability</c>); empty when it did not.</param>
public sealed record ClassificationCompleted(
    Guid CaseId,
    string ModelName,
    string ModelVersion,
    string ExecutionProvider,
    IReadOnlyList<DiagnosisProbability> Probabilities,
    double InferenceMilliseconds,
    DateTimeOffset CompletedAt,
    string DecidedBy,
    ModelOutput StudentOutput,
    ModelOutput? TeacherOutput,
    IReadOnlyList<string> EscalationReasons);

/// <param name="Diagnosis">The PAD-UFES-20 code: ACK, BCC, MEL, NEV, SCC or SEK.</param>
public sealed record DiagnosisProbability(string Diagnosis, double Probability);
