using Microsoft.Extensions.Logging;
using Triage.Inference.Classification;
using Triage.Inference.Models;

namespace Triage.Inference;

/// <summary>Log messages of inference; event ids 2000-2099.</summary>
internal static partial class InferenceLog
{
    [LoggerMessage(2000, LogLevel.Information, "The {Role} model {ModelName} {ModelVersion} loaded from {ModelPath} on {ExecutionProvider}")]
    public static partial void ModelLoaded(this ILogger logger, string role, string modelName, string modelVersion, string modelPath, string executionProvider);

    [LoggerMessage(2001, LogLevel.Warning, "The CUDA execution provider is unavailable (asked for {Preference}); running on the CPU instead")]
    public static partial void CudaUnavailable(this ILogger logger, ExecutionProviderPreference preference, Exception exception);

    [LoggerMessage(2002, LogLevel.Information, "Execution provider {ExecutionProvider} selected (asked for {Preference})")]
    public static partial void ExecutionProviderSelected(this ILogger logger, string executionProvider, ExecutionProviderPreference preference);

    [LoggerMessage(2010, LogLevel.Information, "Case classified by {ModelName} {ModelVersion} on {ExecutionProvider} in {Milliseconds:F1} ms, in a batch of {BatchSize}")]
    public static partial void CaseClassified(this ILogger logger, string modelName, string modelVersion, string executionProvider, double milliseconds, int batchSize);

    [LoggerMessage(2011, LogLevel.Warning, "Case cannot be classified: {Reason}")]
    public static partial void CaseNotClassifiable(this ILogger logger, CaseNotClassifiableReason reason);

    [LoggerMessage(2012, LogLevel.Information, "Case escalated to the teacher: {Reasons}")]
    public static partial void CaseEscalated(this ILogger logger, string reasons);

    [LoggerMessage(2013, LogLevel.Debug, "{BatchSize} case(s) classified by {ModelName} as one batch in {Milliseconds:F1} ms")]
    public static partial void BatchClassified(this ILogger logger, int batchSize, string modelName, double milliseconds);

    [LoggerMessage(2020, LogLevel.Information, "Promotion received: student {StudentModelVersion}, teacher {TeacherModelVersion}, by {PromotedBy}: {Reason}")]
    public static partial void PromotionReceived(this ILogger logger, string studentModelVersion, string? teacherModelVersion, string promotedBy, string reason);

    [LoggerMessage(2021, LogLevel.Error, "Promotion of student {StudentModelVersion}, teacher {TeacherModelVersion} refused; generation {Generation} keeps serving: {Problem}")]
    public static partial void PromotionRefused(this ILogger logger, string studentModelVersion, string? teacherModelVersion, int generation, string problem, Exception exception);

    [LoggerMessage(2024, LogLevel.Information, "Promotion of student {StudentModelVersion} made at {PromotedAt:O} ignored: this instance serves that promotion or a newer one")]
    public static partial void PromotionIgnored(this ILogger logger, string studentModelVersion, DateTimeOffset promotedAt);

    [LoggerMessage(2022, LogLevel.Information, "Generation {Generation} serves from now on: student {StudentModelName} {StudentModelVersion}, teacher {Teacher}")]
    public static partial void ModelsSwapped(this ILogger logger, int generation, string studentModelName, string studentModelVersion, string teacher);

    [LoggerMessage(2023, LogLevel.Information, "Generation {Generation} retired: its last request finished and its sessions are closed")]
    public static partial void GenerationRetired(this ILogger logger, int generation);
}
