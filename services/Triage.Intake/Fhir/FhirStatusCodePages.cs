using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Triage.Intake.Fhir;

/// <summary>
/// Gives the empty answers of routing under <c>/fhir</c> (404 for no such route, 405 for a method the route does
/// not take) an OperationOutcome, as every other FHIR refusal has.
/// </summary>
public static class FhirStatusCodePages
{
    public static async System.Threading.Tasks.Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/fhir"))
        {
            return;
        }

        var request = $"{http.Request.Method} {http.Request.Path}";
        var (code, message) = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (OperationOutcome.IssueType.NotFound, $"{request} names no resource type or interaction of this server; see /fhir/metadata."),
            StatusCodes.Status405MethodNotAllowed => (OperationOutcome.IssueType.NotSupported, $"{request} is not an interaction this server supports; see /fhir/metadata."),
            _ => (OperationOutcome.IssueType.Processing, "The request could not be processed."),
        };
        var outcome = FhirErrors.Outcome([FhirErrors.Issue(code, message)]);
        await FhirResults.Resource(outcome, http.Response.StatusCode).ExecuteAsync(http);
    }
}
