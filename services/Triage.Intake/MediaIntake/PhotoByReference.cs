using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Triage.Data.Images;
using Triage.Fhir.Photos;

namespace Triage.Intake.MediaIntake;

/// <summary>
/// Fetches the photo a Media names by <c>content.url</c> into <c>content.data</c>, before it is checked like any
/// inline photo: a Binary of this server or of the same transaction (<c>Binary/id</c>; its image is reused, not
/// copied), or an
/// address on the allow-list (<see cref="PhotoSourceOptions"/>). Nothing else is ever requested.
/// </summary>
public sealed class PhotoByReference(IImageStore images, IHttpClientFactory httpClients, IOptions<PhotoSourceOptions> options, IOptions<IntakeOptions> intake)
{
    public const string HttpClientName = "photo-sources";

    /// <returns>The id of the stored image the Media names, or null when its bytes are new.</returns>
    /// <exception cref="FhirRequestException">422 when the address is not allowed, names nothing, or does not answer with a photo.</exception>
    /// <param name="newImages">Photos of the same request (Binary entries of a transaction), not stored yet.</param>
    public async Task<Guid?> ResolveAsync(Media media, string expression, IReadOnlyDictionary<Guid, StoredImage> newImages, CancellationToken cancellationToken)
    {
        if (media.Content is not { Data: null, Url: { Length: > 0 } url } content)
        {
            return null;
        }

        var path = $"{expression}.content.url";
        if (BinaryId(url) is { } imageId)
        {
            var image = newImages.GetValueOrDefault(imageId) ?? await images.FindAsync(imageId, cancellationToken)
                ?? throw FhirErrors.Unprocessable($"{url} does not exist on this server.", path, OperationOutcome.IssueType.NotFound);
            Use(content, image.Content, image.ContentType);
            return image.Id;
        }

        if (!IsAllowed(url))
        {
            throw FhirErrors.Unprocessable(
                $"{url} is neither a Binary of this server nor on the allow-list of photo sources (Intake:PhotoSources:AllowedBaseUrls); it was not fetched.",
                path, OperationOutcome.IssueType.Security);
        }

        var (data, contentType) = await FetchAsync(url, path, cancellationToken);
        Use(content, data, contentType);
        return null;
    }

    private static Guid? BinaryId(string url) =>
        url.StartsWith("Binary/", StringComparison.Ordinal) && Guid.TryParse(url["Binary/".Length..], out var id) ? id : null;

    private bool IsAllowed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var address)
        && address.Scheme is "https" or "http"
        && string.IsNullOrEmpty(address.UserInfo)
        && options.Value.AllowedBaseUrls.Any(allowed => address.AbsoluteUri.StartsWith(AsFolder(allowed), StringComparison.OrdinalIgnoreCase));

    // "https://images.example" must not admit "https://images.example.other.org/".
    private static string AsFolder(string baseUrl) => baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";

    private async Task<(byte[] Data, string? ContentType)> FetchAsync(string url, string path, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw FhirErrors.Unprocessable($"{url} answered {(int)response.StatusCode}, not a photo.", path, OperationOutcome.IssueType.NotFound);
            }

            var limit = intake.Value.MaxRequestBytes;
            if (response.Content.Headers.ContentLength > limit)
            {
                throw FhirErrors.Unprocessable($"The photo at {url} is larger than {limit} bytes.", path, OperationOutcome.IssueType.TooLong);
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw FhirErrors.Unprocessable($"The photo at {url} is larger than {limit} bytes.", path, OperationOutcome.IssueType.TooLong);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), response.Content.Headers.ContentType?.MediaType);
        }
        catch (Exception failed) when (failed is HttpRequestException || (failed is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw FhirErrors.Unprocessable($"{url} could not be fetched: {failed.Message}", path, OperationOutcome.IssueType.Transient);
        }
    }

    // The Media's declared content type stands when it has one: the photo check holds the bytes to it.
    private static void Use(Attachment content, byte[] data, string? contentType)
    {
        content.Data = data;
        content.Url = null;
        content.ContentType ??= contentType;
    }
}
