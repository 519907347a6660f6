using Hl7.Fhir.Model;
using Microsoft.Net.Http.Headers;

namespace Triage.Intake.Versions;

/// <summary>The version an update's <c>If-Match</c> header names (<c>W/"3"</c>, as the ETag of a read gives it).</summary>
public static class IfMatchHeader
{
    /// <exception cref="FhirRequestException">400 when the header is not one entity tag.</exception>
    public static string? VersionOf(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.Tag.Length < 3)
        {
            throw FhirErrors.BadRequest(
                $"If-Match '{header}' is not an entity tag; send the ETag of the version read, e.g. W/\"1\".",
                "If-Match",
                OperationOutcome.IssueType.Invalid);
        }

        return tag.Tag.Value!.Trim('"');
    }
}
