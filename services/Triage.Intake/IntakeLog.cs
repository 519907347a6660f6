using Microsoft.Extensions.Logging;

namespace Triage.Intake;

/// <summary>Log messages of intake and result write-back (event ids 1000-1099). No patient data.</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(1000, LogLevel.Information, "Case {CaseId} opened with {FeatureCount} known clinical feature(s)")]
    public static partial void CaseOpened(this ILogger logger, Guid caseId, int featureCount);

    [LoggerMessage(1001, LogLevel.Information, "FHIR request refused with {StatusCode}: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, int statusCode, string reason);

    [LoggerMessage(1002, LogLevel.Error, "FHIR request failed")]
    public static partial void RequestFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1003, LogLevel.Information, "{ResourceType}/{ResourceId} updated to version {VersionId}")]
    public static partial void ResourceUpdated(this ILogger logger, string resourceType, string resourceId, int versionId);

    [LoggerMessage(1004, LogLevel.Information, "Profile validator ready: core specification and the project's profiles loaded and compiled in {ElapsedMilliseconds} ms")]
    public static partial void ProfileValidatorReady(this ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(1005, LogLevel.Warning, "Profile validator warm-up failed; the first validation will load it instead")]
    public static partial void ProfileValidatorWarmUpFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1006, LogLevel.Warning, "The FHIR API asks for no authorization (Intake:Authorization:Authority is not set): run it only behind a gateway that authenticates and authorizes")]
    public static partial void FhirApiOpen(this ILogger logger);

    [LoggerMessage(1007, LogLevel.Information, "The FHIR API takes Bearer tokens of {Authority} with SMART system scopes")]
    public static partial void FhirApiAuthorized(this ILogger logger, string authority);

    [LoggerMessage(1010, LogLevel.Information, "Case {CaseId} waits until {ClassifyAfter:O} for clinical features posted after its photo ({FeatureCount} known)")]
    public static partial void CaseAwaitingFeatures(this ILogger logger, Guid caseId, DateTimeOffset classifyAfter, int featureCount);

    [LoggerMessage(1011, LogLevel.Information, "Case {CaseId} sent for classification after its wait, with {FeatureCount} known clinical feature(s)")]
    public static partial void WaitingCaseQueued(this ILogger logger, Guid caseId, int featureCount);

    [LoggerMessage(1012, LogLevel.Error, "Sending waiting cases for classification failed; retrying at the next poll")]
    public static partial void WaitingCaseReleaseFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1050, LogLevel.Information, "Case {CaseId} classified by the {DecidedBy}, {ModelName} {ModelVersion} on {Provider}; RiskAssessment {RiskAssessmentId}")]
    public static partial void CaseClassified(this ILogger logger, Guid caseId, string decidedBy, string modelName, string modelVersion, string provider, string riskAssessmentId);

    [LoggerMessage(1054, LogLevel.Information, "Case {CaseId} flagged for dermatologist review ({Reasons}); Task {TaskId}")]
    public static partial void CaseFlaggedForReview(this ILogger logger, Guid caseId, string reasons, string taskId);

    [LoggerMessage(1051, LogLevel.Information, "Result for case {CaseId} ignored: the case is already {Status}")]
    public static partial void DuplicateResultIgnored(this ILogger logger, Guid caseId, string status);

    [LoggerMessage(1052, LogLevel.Warning, "Result for unknown case {CaseId} ignored")]
    public static partial void ResultForUnknownCase(this ILogger logger, Guid caseId);

    [LoggerMessage(1053, LogLevel.Warning, "Case {CaseId} failed: {Reason}")]
    public static partial void CaseFailed(this ILogger logger, Guid caseId, string reason);
}
