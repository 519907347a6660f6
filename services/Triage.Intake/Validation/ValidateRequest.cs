using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace Triage.Intake.Validation;

/// <summary>
/// What a <c>$validate</c> call asks (FHIR R4 Resource-validate): the resource (the body, or the <c>resource</c> part of a
/// Parameters body), the <c>profile</c> (part or query parameter) and the <c>mode</c>.
/// </summary>
public sealed record ValidateRequest(Resource? Resource, string? Profile, string? Mode)
{
    private static readonly string[] Modes = ["create", "update"];

    /// <exception cref="FhirRequestException">400 for a resource of another type, a Parameters without a resource, or a mode not supported.</exception>
    public static ValidateRequest From(Resource? body, string type, HttpRequest request)
    {
        var (resource, profile, mode) = body is Parameters parameters && type != "Parameters"
            ? (parameters.GetSingle("resource")?.Resource ?? throw FhirErrors.BadRequest(
                    "A Parameters body names the resource to validate in a 'resource' part.", "Parameters.parameter", OperationOutcome.IssueType.Required),
               Text(parameters.GetSingle("profile")?.Value), Text(parameters.GetSingle("mode")?.Value))
            : (body, null, null);

        profile ??= request.Query["profile"].FirstOrDefault();
        mode ??= request.Query["mode"].FirstOrDefault();
        if (resource is not null && resource.TypeName != type)
        {
            throw FhirErrors.BadRequest($"The resource is a {resource.TypeName}; {type}/$validate validates a {type}.", resource.TypeName);
        }

        if (mode is not null && !Modes.Contains(mode))
        {
            throw FhirErrors.BadRequest($"mode '{mode}' is not supported here; use create or update (resources are never deleted).", "mode",
                OperationOutcome.IssueType.NotSupported);
        }

        return new ValidateRequest(resource, string.IsNullOrWhiteSpace(profile) ? null : profile, mode);
    }

    private static string? Text(DataType? value) => value switch
    {
        PrimitiveType primitive => primitive.ToString(),
        _ => null,
    };
}
