using Microsoft.Extensions.Logging;

namespace Triage.Review;

/// <summary>Log events of the review UI: 5000-5099.</summary>
internal static partial class ReviewLog
{
    [LoggerMessage(5000, LogLevel.Information, "Case {CaseId} reviewed by {Reviewer}: {Diagnosis}, Task {TaskId} completed, Observation {ObservationId}")]
    public static partial void CaseReviewed(this ILogger logger, Guid caseId, string reviewer, string diagnosis, string taskId, string observationId);

    [LoggerMessage(5001, LogLevel.Information, "Labelled case stored for case {CaseId}: {Label} from {Source}")]
    public static partial void LabelStored(this ILogger logger, Guid caseId, string label, string source);

    [LoggerMessage(5002, LogLevel.Information, "Biopsy result of case {CaseId} did not replace the standing label ({Source})")]
    public static partial void LabelKept(this ILogger logger, Guid caseId, string source);

    [LoggerMessage(5010, LogLevel.Warning, "Review decision on case {CaseId} by {Reviewer} refused: {Reason}")]
    public static partial void DecisionRefused(this ILogger logger, Guid caseId, string reviewer, string reason);

    [LoggerMessage(5011, LogLevel.Information, "Case {CaseId} claimed by {Reviewer} until {Until}")]
    public static partial void CaseClaimed(this ILogger logger, Guid caseId, string reviewer, DateTimeOffset until);

    [LoggerMessage(5020, LogLevel.Information, "Reviewer {Reviewer} signed in ({Scheme})")]
    public static partial void ReviewerSignedIn(this ILogger logger, string reviewer, string scheme);

    [LoggerMessage(5021, LogLevel.Warning, "Failed sign-in for a development account")]
    public static partial void SignInFailed(this ILogger logger);

    [LoggerMessage(5022, LogLevel.Warning, "Reviewers sign in with {Count} development accounts from configuration; use OpenIdConnect outside development")]
    public static partial void DevelopmentSignInActive(this ILogger logger, int count);

    [LoggerMessage(5030, LogLevel.Warning, "Stored image {ImageId} could not be made a thumbnail")]
    public static partial void ThumbnailFailed(this ILogger logger, Guid imageId, Exception exception);
}
