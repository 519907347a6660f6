using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Triage.Fhir;

namespace Triage.Intake.Fhir;

/// <summary>Reads a FHIR JSON request body within the configured size limit.</summary>
public sealed class FhirRequestReader(IOptions<IntakeOptions> options)
{
    private static readonly string[] JsonMediaTypes = ["application/fhir+json", "application/json", "application/json+fhir"];

    /// <summary>The body as text, after the size and media-type checks; parse it with <see cref="Parse{T}"/>.</summary>
    public async Task<string> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            throw FhirErrors.PayloadTooLarge(limit);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !JsonMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            throw FhirErrors.UnsupportedMediaType(mediaType);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw FhirErrors.PayloadTooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static T Parse<T>(string json)
        where T : Resource
    {
        var resource = FhirJson.Parse(json);
        var expected = ModelInfo.GetFhirTypeNameForType(typeof(T));
        return resource as T ?? throw FhirErrors.BadRequest(
            $"The body is a {resource.TypeName} but this endpoint takes a {expected}.",
            resource.TypeName,
            OperationOutcome.IssueType.Invalid);
    }
}
