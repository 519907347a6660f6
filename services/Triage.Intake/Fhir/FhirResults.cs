using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;

namespace Triage.Intake.Fhir;

/// <summary>Writes FHIR resources in the negotiated format with the headers FHIR clients read (ETag, Last-Modified, Location).</summary>
public static class FhirResults
{
    public static IResult Resource(Resource resource, int statusCode = StatusCodes.Status200OK) =>
        new ResourceResult(resource, statusCode);

    /// <summary>A resource (or a search Bundle) written through <paramref name="filter"/>, e.g. the elements a <c>_summary</c> keeps.</summary>
    public static IResult Resource(Resource resource, Func<SerializationFilter>? filter) =>
        new ResourceResult(resource, StatusCodes.Status200OK, filter: filter);

    /// <summary>The answer to a create (201, with Location) or an update or matched conditional create (200), as the client preferred.</summary>
    public static IResult Saved(Resource resource, bool created, ReturnPreference preference) =>
        new ResourceResult(resource, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, location: created, preference);

    /// <summary>304 without a body, with the current version's ETag and Last-Modified.</summary>
    public static IResult NotModified(Resource resource) =>
        new ResourceResult(resource, StatusCodes.Status304NotModified, preference: ReturnPreference.Minimal);

    public static IResult NotFound(string type, string id) =>
        Resource(FhirErrors.NotFound(type, id).Outcome, StatusCodes.Status404NotFound);

    public static string VersionedLocation(Resource resource) =>
        $"{resource.TypeName}/{resource.Id}/_history/{resource.Meta?.VersionId ?? "1"}";

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/fhir";

    public static string RequestUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";

    private sealed class ResourceResult(
        Resource resource,
        int statusCode,
        bool location = false,
        ReturnPreference preference = ReturnPreference.Representation,
        Func<SerializationFilter>? filter = null) : IResult
    {
        public async System.Threading.Tasks.Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = statusCode;
            if (resource.Meta?.VersionId is { } version)
            {
                response.Headers.ETag = $"W/\"{version}\"";
            }

            if (resource.Meta?.LastUpdated is { } lastUpdated)
            {
                response.Headers.LastModified = lastUpdated.ToString("R");
            }

            if (location)
            {
                response.Headers.Location = $"{BaseUrl(context.Request)}/{VersionedLocation(resource)}";
            }

            var body = preference switch
            {
                ReturnPreference.Minimal => null,
                ReturnPreference.OperationOutcome => Outcome(resource, location),
                _ => resource,
            };
            if (body is null)
            {
                return;
            }

            var format = ContentNegotiation.ResponseFormatOrJson(context.Request);
            response.ContentType = format.ContentType;
            await response.WriteAsync(format.Serialize(body, filter), context.RequestAborted);
        }

        private static OperationOutcome Outcome(Resource saved, bool created) => FhirErrors.Outcome(
        [
            FhirErrors.Issue(
                OperationOutcome.IssueType.Informational,
                $"{(created ? "Created" : "Stored")} {VersionedLocation(saved)}.",
                severity: OperationOutcome.IssueSeverity.Information),
        ]);
    }
}
