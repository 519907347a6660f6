using System.ComponentModel.DataAnnotations;
using Triage.Inference.Batching;
using Triage.Inference.Escalation;
using Triage.Inference.Models;

namespace Triage.Inference;

/// <summary>Configuration section <c>Inference</c>.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>The student's ONNX file; a relative path is taken from the content root.</summary>
    [Required]
    public string ModelPath { get; set; } = "deploy/models/baseline.onnx";

    /// <summary>The teacher's ONNX file, or nothing: the student alone answers every case.</summary>
    public string? TeacherModelPath { get; set; }

    /// <summary>When a case goes to the teacher; required with <see cref="TeacherModelPath"/>.</summary>
    public EscalationOptions? Escalation { get; set; }

    /// <summary><c>auto</c> (CUDA when it loads, else CPU), <c>cpu</c> or <c>cuda</c> (falls back to the CPU, with a warning).</summary>
    public ExecutionProviderPreference ExecutionProvider { get; set; } = ExecutionProviderPreference.Auto;

    /// <summary>How many requests one inference worker takes at once (decoding their photos in parallel);
    /// at least <see cref="BatchingOptions.MaxBatchSize"/>, or batches could never fill.</summary>
    [Range(1, 256)]
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>How requests are grouped into one model run.</summary>
    public BatchingOptions Batching { get; set; } = new();

    public bool HasTeacher => !string.IsNullOrWhiteSpace(TeacherModelPath);
}
