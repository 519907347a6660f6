using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Triage.Fhir.Errors;
using IssueComponent = Hl7.Fhir.Model.OperationOutcome.IssueComponent;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Photos;

/// <summary>
/// Reads the photo of a lesion from a Media. Every refusal is 422; a missing or unsupported
/// <c>content.contentType</c> too (issue code <c>value</c>), since the HTTP body itself was FHIR JSON.
/// </summary>
public static partial class LesionPhotoReader
{
    public static IReadOnlyList<string> SupportedContentTypes { get; } = ["image/png", "image/jpeg"];

    /// <param name="path">Where the Media is, for issue expressions: <c>Media</c> or <c>Bundle.entry[1].resource</c>.</param>
    /// <exception cref="FhirRequestException">422 with every problem found.</exception>
    public static LesionPhoto Read(Media media, string path = "Media")
    {
        var issues = new List<IssueComponent>();
        CheckSubject(media.Subject, $"{path}.subject", issues);
        var photo = ReadContent(media.Content, $"{path}.content", issues);
        return issues.Count == 0 && photo is not null ? photo : throw FhirErrors.Unprocessable(issues);
    }

    /// <summary>
    /// <c>Patient/id</c> (relative or absolute), a <c>urn:uuid:</c> reference (the intake resolves it inside its
    /// Bundle), or a logical reference: type Patient with an identifier.
    /// </summary>
    public static bool IsPatientReference(ResourceReference? reference) => reference switch
    {
        null => false,
        { Type: not (null or "Patient") } => false,
        { Reference: { } target } => PatientReference().IsMatch(target) || target.StartsWith("urn:uuid:", StringComparison.Ordinal),
        _ => reference.Type == "Patient" && reference.Identifier is not null,
    };

    private static void CheckSubject(ResourceReference? subject, string path, List<IssueComponent> issues)
    {
        if (!IsPatientReference(subject))
        {
            issues.Add(FhirErrors.Issue(subject is null ? IssueType.Required : IssueType.Value,
                "Media.subject must reference the Patient the lesion belongs to.", path));
        }
    }

    private static LesionPhoto? ReadContent(Attachment? content, string path, List<IssueComponent> issues)
    {
        if (content is null)
        {
            issues.Add(FhirErrors.Issue(IssueType.Required, "Media.content with the photo is required.", path));
            return null;
        }

        var contentType = ReadContentType(content.ContentType, $"{path}.contentType", issues);
        switch (content)
        {
            case { Data: not null, Url: not null }:
                issues.Add(FhirErrors.Issue(IssueType.Invalid, "Send the photo either as content.data or by content.url, not both.", path));
                return null;
            case { Data: null, Url: not null }:
                issues.Add(FhirErrors.Issue(IssueType.NotSupported,
                    "content.url must name a Binary of this server (Binary/id) or an address on the configured allow-list.", $"{path}.url"));
                return null;
            case { Data: null or { Length: 0 } }:
                issues.Add(FhirErrors.Issue(content.Data is null ? IssueType.Required : IssueType.Value,
                    "content.data must hold the encoded image.", $"{path}.data"));
                return null;
        }

        // R4: Attachment.hash is the SHA-1 of the data.
        if (content.Hash is { Length: > 0 } hash && !SHA1.HashData(content.Data).AsSpan().SequenceEqual(hash))
        {
            issues.Add(FhirErrors.Issue(IssueType.Value, "content.hash is not the SHA-1 of the photo's bytes.", $"{path}.hash"));
            return null;
        }

        return contentType is null ? null : new LesionPhoto(content.Data, contentType);
    }

    private static string? ReadContentType(string? declared, string path, List<IssueComponent> issues)
    {
        var mediaType = declared?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not null && SupportedContentTypes.Contains(mediaType))
        {
            return mediaType;
        }

        issues.Add(FhirErrors.Issue(IssueType.Value,
            $"content.contentType must be {string.Join(" or ", SupportedContentTypes)}; got '{declared ?? "(none)"}'.", path));
        return null;
    }

    [GeneratedRegex(@"^(https?://[^\s]+/)?Patient/[A-Za-z0-9\-\.]{1,64}(/_history/[A-Za-z0-9\-\.]{1,64})?$")]
    private static partial Regex PatientReference();
}
