using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Fhir;

namespace Triage.Intake.Fhir;

/// <summary>Writes FHIR resources as <c>application/fhir+json</c> with the headers FHIR clients read.</summary>
public static class FhirResults
{
    public const string JsonContentType = "application/fhir+json; charset=utf-8";

    public static IResult Resource(Resource resource, int statusCode = StatusCodes.Status200OK) =>
        new ResourceResult(resource, statusCode);

    public static IResult Created(Resource resource) => new ResourceResult(resource, StatusCodes.Status201Created, location: true);

    public static IResult NotFound(string type, string id) =>
        Resource(FhirErrors.NotFound(type, id).Outcome, StatusCodes.Status404NotFound);

    public static string VersionedLocation(Resource resource) =>
        $"{resource.TypeName}/{resource.Id}/_history/{resource.Meta?.VersionId ?? "1"}";

    private sealed class ResourceResult(Resource resource, int statusCode, bool location = false) : IResult
    {
        public async System.Threading.Tasks.Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = statusCode;
            response.ContentType = JsonContentType;
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
                var request = context.Request;
                response.Headers.Location = $"{request.Scheme}://{request.Host}{request.PathBase}/fhir/{VersionedLocation(resource)}";
            }

            await response.WriteAsync(FhirJson.Serialize(resource), context.RequestAborted);
        }
    }
}
