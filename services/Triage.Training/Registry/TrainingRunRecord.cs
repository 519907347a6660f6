namespace Triage.Training.Registry;

/// <summary>One run of the training pipeline: what it did step by step, and how it ended.</summary>
public sealed class TrainingRunRecord
{
    public int Id { get; set; }

    /// <summary>The Hangfire job that ran it, or null for a run outside Hangfire.</summary>
    public string? JobId { get; set; }

    /// <summary>Whether it retrained the teacher as well as the student.</summary>
    public bool RetrainTeacher { get; set; }

    public required string TriggeredBy { get; set; }

    public TrainingRunStatus Status { get; set; }

    public string? CorpusHash { get; set; }

    public int? CorpusCaseCount { get; set; }

    /// <summary>The step that failed and why; null unless <see cref="Status"/> is failed.</summary>
    public string? FailedStep { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>Every finished step with its figures and artefacts, as a JSON array.</summary>
    public string StepsJson { get; set; } = "[]";

    /// <summary>Promoted, kept as challenger (with the failed gates), or null while running.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public enum TrainingRunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
