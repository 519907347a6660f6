namespace Triage.Contracts;

/// <summary>
/// A new champion serves from now on: every inference instance loads it beside the models it runs and
/// swaps when it loads and runs. The message names files on storage every instance can read; the bus never
/// carries model bytes.
/// </summary>
/// <param name="StudentModelPath">The student's ONNX file.</param>
/// <param name="StudentModelVersion">The version the student's file declares; a file that declares another is refused.</param>
/// <param name="TeacherModelPath">The teacher's ONNX file, or null: the student then answers every case alone.</param>
/// <param name="TeacherModelVersion">Required with <paramref name="TeacherModelPath"/>.</param>
/// <param name="Thresholds">When the student escalates to the teacher; null for the configured
/// <c>Inference:Escalation</c> thresholds.</param>
/// <param name="PromotedBy">Who or what promoted the models: a user or a job.</param>
/// <param name="Reason">Why, e.g. the evaluation that passed the promotion gates.</param>
public sealed record ModelPromoted(
    string StudentModelPath,
    string StudentModelVersion,
    string? TeacherModelPath,
    string? TeacherModelVersion,
    EscalationThresholdValues? Thresholds,
    string PromotedBy,
    string Reason,
    DateTimeOffset PromotedAt);

/// <summary>A case goes to the teacher when the student's top probability is below <paramref name="MinimumConfidence"/>
/// or its cancer probability (BCC + MEL + SCC) lies between <paramref name="CancerBandLow"/> and
/// <paramref name="CancerBandHigh"/>.</summary>
public sealed record EscalationThresholdValues(double MinimumConfidence, double CancerBandLow, double CancerBandHigh);
