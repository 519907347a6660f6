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

    public async Task<Resource> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
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

        return FhirJson.Parse(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    public async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : Resource
    {
        var resource = await ReadAsync(request, cancellationToken);
        var expected = ModelInfo.GetFhirTypeNameForType(typeof(T));
        return resource as T ?? throw FhirErrors.BadRequest(
            $"The body is a {resource.TypeName} but this endpoint takes a {expected}.",
            resource.TypeName,
            OperationOutcome.IssueType.Invalid);
    }
}
