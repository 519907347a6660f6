using System.ComponentModel.DataAnnotations;
using Triage.Inference.Models;

namespace Triage.Inference;

/// <summary>Configuration section <c>Inference</c>.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>The ONNX model file; a relative path is taken from the content root.</summary>
    [Required]
    public string ModelPath { get; set; } = "deploy/models/baseline.onnx";

    /// <summary><c>auto</c> (CUDA when it loads, else CPU), <c>cpu</c> or <c>cuda</c> (falls back to the CPU, with a warning).</summary>
    public ExecutionProviderPreference ExecutionProvider { get; set; } = ExecutionProviderPreference.Auto;

    /// <summary>How many requests one inference worker classifies at once.</summary>
    [Range(1, 256)]
    public int ConcurrentMessageLimit { get; set; } = 4;
}
