using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Triage.Intake.Versions;

/// <summary>
/// A read asked with <c>If-None-Match</c> (an ETag the client holds, or <c>*</c>) or <c>If-Modified-Since</c> (RFC 9110
/// 13.1.2, 13.1.3; FHIR R4 3.1.0.4.1): 304 Not Modified when the client's copy is still the current version, so an EHR
/// polling for a result pays for a body only when there is a new one. <c>If-None-Match</c> wins when both are given.
/// </summary>
public static class ConditionalRead
{
    public static bool IsNotModified(HttpRequest request, Resource current)
    {
        var noneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (noneMatch.Count > 0)
        {
            var version = current.Meta?.VersionId;
            return noneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || (version is not null && tag.Tag.Value == $"\"{version}\""));
        }

        return request.GetTypedHeaders().IfModifiedSince is { } since
            && current.Meta?.LastUpdated is { } lastUpdated
            && TruncateToSeconds(lastUpdated) <= since;
    }

    /// <summary>HTTP dates have whole seconds: a resource changed within the second of the date is not newer than it.</summary>
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));
}
