using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Triage.Intake.Fhir;

/// <summary>
/// Which format a request's body is in (its Content-Type) and which one to answer in (<c>_format</c>,
/// which wins, else the Accept header by quality, else JSON).
/// </summary>
public static class ContentNegotiation
{
    public const string FormatParameter = "_format";

    private static readonly string Supported = string.Join(", ", FhirFormat.All.Select(f => f.MediaType));

    /// <summary>The format to answer in, or null when the client accepts none of ours.</summary>
    public static FhirFormat? ResponseFormat(HttpRequest request)
    {
        if (request.Query.TryGetValue(FormatParameter, out var format))
        {
            // A '+' in a query string arrives as a space: "application/fhir+json" reads "application/fhir json".
            return FhirFormat.OfFormatParameter(MediaTypeOnly(format.ToString().Replace(' ', '+')));
        }

        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count == 0)
        {
            return FhirFormat.Json;
        }

        foreach (var range in accepted.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            if (range.MatchesAllTypes || range.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                return FhirFormat.Json;
            }

            if (FhirFormat.OfMediaType(range.MediaType.Value) is { } named)
            {
                return named;
            }
        }

        return null;
    }

    /// <summary>For errors and other answers that must be written whatever was asked for.</summary>
    public static FhirFormat ResponseFormatOrJson(HttpRequest request) => ResponseFormat(request) ?? FhirFormat.Json;

    /// <exception cref="FhirRequestException">406 when the client accepts none of the formats.</exception>
    public static FhirFormat RequireResponseFormat(HttpRequest request) =>
        ResponseFormat(request) ?? throw FhirErrors.NotAcceptable(request.Query.ContainsKey(FormatParameter)
            ? $"_format '{request.Query[FormatParameter]}' is not supported; use json, xml, {Supported}."
            : $"None of the accepted media types is supported; accept {Supported}.");

    /// <exception cref="FhirRequestException">415 when the body is in no format of ours.</exception>
    public static FhirFormat RequestFormat(HttpRequest request)
    {
        var mediaType = request.ContentType is null ? null : MediaTypeOnly(request.ContentType);
        return FhirFormat.OfMediaType(mediaType) ?? throw FhirErrors.UnsupportedMediaType(mediaType, [.. FhirFormat.All.Select(f => f.MediaType)]);
    }

    private static string MediaTypeOnly(string value) =>
        MediaTypeHeaderValue.TryParse(value, out var parsed) ? parsed.MediaType.Value ?? value : value.Split(';')[0].Trim();
}
