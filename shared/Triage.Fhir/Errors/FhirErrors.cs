using Hl7.Fhir.Model;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;
using IssueSeverity = Hl7.Fhir.Model.OperationOutcome.IssueSeverity;

namespace Triage.Fhir.Errors;

/// <summary>Factories for the refusals of the FHIR API, in the style of spark's <c>Error.BadRequest(...)</c>.</summary>
public static class FhirErrors
{
    public const int BadRequestStatus = 400;
    public const int UnauthorizedStatus = 401;
    public const int ForbiddenStatus = 403;
    public const int NotFoundStatus = 404;
    public const int MethodNotAllowedStatus = 405;
    public const int NotAcceptableStatus = 406;
    public const int ConflictStatus = 409;
    public const int GoneStatus = 410;
    public const int PreconditionFailedStatus = 412;
    public const int PayloadTooLargeStatus = 413;
    public const int UnsupportedMediaTypeStatus = 415;
    public const int UnprocessableStatus = 422;
    public const int InternalErrorStatus = 500;

    /// <summary>One issue. <paramref name="expression"/> is a FHIRPath such as <c>Media.content.contentType</c>.</summary>
    public static OperationOutcome.IssueComponent Issue(
        IssueType code, string message, string? expression = null, IssueSeverity severity = IssueSeverity.Error)
    {
        var issue = new OperationOutcome.IssueComponent { Severity = severity, Code = code, Diagnostics = message };
        if (expression is not null)
        {
            issue.Expression = [expression];
        }

        return issue;
    }

    public static OperationOutcome Outcome(IEnumerable<OperationOutcome.IssueComponent> issues) =>
        new() { Issue = [.. issues] };

    public static FhirRequestException WithStatus(int statusCode, IEnumerable<OperationOutcome.IssueComponent> issues) =>
        new(statusCode, Outcome(issues));

    public static FhirRequestException BadRequest(string message, string? expression = null, IssueType code = IssueType.Invalid) =>
        WithStatus(BadRequestStatus, [Issue(code, message, expression)]);

    public static FhirRequestException BadRequest(IEnumerable<OperationOutcome.IssueComponent> issues) =>
        WithStatus(BadRequestStatus, issues);

    public static FhirRequestException Unprocessable(IEnumerable<OperationOutcome.IssueComponent> issues) =>
        WithStatus(UnprocessableStatus, issues);

    public static FhirRequestException Unprocessable(string message, string? expression = null, IssueType code = IssueType.Invalid) =>
        WithStatus(UnprocessableStatus, [Issue(code, message, expression)]);

    public static FhirRequestException NotFound(string resourceType, string id) =>
        WithStatus(NotFoundStatus, [Issue(IssueType.NotFound, $"{resourceType}/{id} is not known.")]);

    /// <summary>410: the resource existed and was deleted (its content is gone).</summary>
    public static FhirRequestException Gone(string resourceType, string id, DateTimeOffset deletedAt) =>
        WithStatus(GoneStatus, [Issue(IssueType.Deleted, $"{resourceType}/{id} was deleted at {deletedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.")]);

    public static FhirRequestException VersionNotFound(string resourceType, string id, string versionId) =>
        WithStatus(NotFoundStatus, [Issue(IssueType.NotFound, $"{resourceType}/{id} has no version {versionId}.")]);

    public static FhirRequestException MethodNotAllowed(string message) =>
        WithStatus(MethodNotAllowedStatus, [Issue(IssueType.NotSupported, message)]);

    public static FhirRequestException NotAcceptable(string message) =>
        WithStatus(NotAcceptableStatus, [Issue(IssueType.NotSupported, message)]);

    public static FhirRequestException PreconditionFailed(string message, string? expression = null) =>
        WithStatus(PreconditionFailedStatus, [Issue(IssueType.Conflict, message, expression)]);

    public static FhirRequestException Conflict(string message, string? expression = null) =>
        WithStatus(ConflictStatus, [Issue(IssueType.Conflict, message, expression)]);

    public static FhirRequestException PayloadTooLarge(long maximumBytes) =>
        WithStatus(PayloadTooLargeStatus, [Issue(IssueType.TooLong, $"The request body is larger than {maximumBytes} bytes.")]);

    public static FhirRequestException UnsupportedMediaType(string? contentType, params string[] supported) =>
        WithStatus(UnsupportedMediaTypeStatus,
        [
            Issue(IssueType.NotSupported,
                $"Content type '{contentType ?? "(none)"}' is not supported" +
                (supported.Length == 0 ? "." : $"; use {string.Join(" or ", supported)}.")),
        ]);

    public static FhirRequestException Unauthorized() =>
        WithStatus(UnauthorizedStatus, [Issue(IssueType.Login, "Authentication is required.")]);

    public static FhirRequestException Forbidden(string message = "Not allowed.") =>
        WithStatus(ForbiddenStatus, [Issue(IssueType.Forbidden, message)]);

    /// <summary>For failures the client cannot fix; says nothing about their cause.</summary>
    public static FhirRequestException Internal() =>
        WithStatus(InternalErrorStatus,
            [Issue(IssueType.Exception, "The server could not process the request.", severity: IssueSeverity.Fatal)]);
}
