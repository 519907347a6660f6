namespace Triage.Training.Pipeline;

/// <summary>One run of the pipeline: whether to retrain the teacher first, who or what asked, and its Hangfire job.</summary>
public sealed record PipelineRequest(bool RetrainTeacher, string TriggeredBy, string? JobId = null);
