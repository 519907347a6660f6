namespace Triage.Training.Registry;

/// <summary>One trained (or initially served) model in the registry. Rows are never changed once written.</summary>
public sealed class ModelVersion
{
    public int Id { get; set; }

    /// <summary>What the ONNX file declares as <c>triage.model_version</c>, unique in the registry.</summary>
    public required string Version { get; set; }

    /// <summary><see cref="Contracts.ModelRole"/>: student or teacher.</summary>
    public required string Role { get; set; }

    public required string Architecture { get; set; }

    /// <summary>SHA-256 of the corpus it was trained on; null for a model the registry did not train.</summary>
    public string? CorpusHash { get; set; }

    /// <summary>The file listing the corpus's training and evaluation case ids.</summary>
    public string? CorpusCasesPath { get; set; }

    /// <summary>Evaluation on the frozen set and training figures, as JSON.</summary>
    public required string MetricsJson { get; set; }

    /// <summary>The ONNX file inference loads (students), or the weights distillation reads (teachers).</summary>
    public required string ArtefactPath { get; set; }

    public required string ArtefactSha256 { get; set; }

    public int? ParentTeacherId { get; set; }

    public ModelVersion? ParentTeacher { get; set; }

    /// <summary>The training run that produced it; null for a model the registry did not train.</summary>
    public int? TrainingRunId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
