using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Fhir.Validation;
using Triage.Intake.Fhir;
using Triage.Intake.MediaIntake;
using Triage.Intake.Storage;

namespace Triage.Intake.Validation;

/// <summary>
/// <c>POST /fhir/{type}/$validate</c> and <c>POST /fhir/{type}/{id}/$validate</c>: 200 with an OperationOutcome of what the
/// profiles say and, for a photo inline in a Media, whether it decodes as its declared type (what a create would refuse
/// beyond the profiles). Nothing is stored; references are not looked up and photos by URL are not fetched.
/// </summary>
public static class ValidateEndpoint
{
    public const string Name = "validate";
    public const string Definition = "http://hl7.org/fhir/OperationDefinition/Resource-validate";

    public static Delegate ForType(string type) =>
        async (HttpRequest request, FhirRequestReader reader, ProfileValidator validator, LesionPhotoCheck photos, CancellationToken cancellationToken) =>
        {
            var asked = ValidateRequest.From((await reader.ReadAsync(request, cancellationToken)).Parse<Resource>(), type, request);
            return Answer(validator, photos, asked.Resource ?? throw NoResource(type), asked.Profile);
        };

    /// <summary>Validates the body as an update of the resource, or the stored resource when the body is empty.</summary>
    public static Delegate ForInstance(string type) =>
        async (string id, HttpRequest request, FhirRequestReader reader, FhirResourceStore store, ProfileValidator validator, LesionPhotoCheck photos,
            CancellationToken cancellationToken) =>
        {
            var body = OperationParameters.HasBody(request) ? (await reader.ReadAsync(request, cancellationToken)).Parse<Resource>() : null;
            var asked = ValidateRequest.From(body, type, request);
            var stored = await store.ReadAsync(type, id, cancellationToken) ?? throw FhirErrors.NotFound(type, id);
            if (asked.Resource?.Id is { } bodyId && bodyId != id)
            {
                throw FhirErrors.BadRequest($"The resource's id '{bodyId}' is not the id in the URL, '{id}'.", $"{type}.id");
            }

            return Answer(validator, photos, asked.Resource ?? stored, asked.Profile);
        };

    private static IResult Answer(ProfileValidator validator, LesionPhotoCheck photos, Resource resource, string? profile)
    {
        List<OperationOutcome.IssueComponent> issues = [.. PhotoIssues(photos, resource), .. validator.Validate(resource, profile, resource.TypeName)];
        return FhirResults.Resource(FhirErrors.Outcome(issues.Count > 0 ? issues :
        [
            FhirErrors.Issue(OperationOutcome.IssueType.Informational, "No issues found.", severity: OperationOutcome.IssueSeverity.Information),
        ]));
    }

    /// <summary>What intake's photo check says of an inline photo; a Media without one is the profile's business.</summary>
    private static IEnumerable<OperationOutcome.IssueComponent> PhotoIssues(LesionPhotoCheck photos, Resource resource)
    {
        if (resource is not Media { Content.Data: { Length: > 0 } } media)
        {
            return [];
        }

        try
        {
            photos.Check(media, resource.TypeName);
            return [];
        }
        catch (FhirRequestException refused)
        {
            return refused.Outcome.Issue;
        }
    }

    private static FhirRequestException NoResource(string type) =>
        FhirErrors.BadRequest($"{type}/$validate needs the resource to validate as the body.", code: OperationOutcome.IssueType.Required);
}
