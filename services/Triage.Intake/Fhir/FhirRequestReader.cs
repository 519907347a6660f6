using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Triage.Intake.Fhir;

/// <summary>Reads a FHIR request body (JSON or XML, by its Content-Type) within the configured size limit.</summary>
public sealed class FhirRequestReader(IOptions<IntakeOptions> options)
{
    /// <summary>The body, after the media-type and size checks; parse it with <see cref="FhirRequestBody.Parse{T}"/>.</summary>
    public async Task<FhirRequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var format = ContentNegotiation.RequestFormat(request);
        return new FhirRequestBody(await ReadBytesAsync(request, cancellationToken), format);
    }

    /// <summary>The body's bytes whatever its media type, within the size limit (413 beyond it).</summary>
    public async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            throw FhirErrors.PayloadTooLarge(limit);
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

        return buffer.ToArray();
    }
}
