using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Triage.Data;
using Triage.Data.Images;
using Triage.Fhir.Photos;
using Triage.Intake.MediaIntake;
using Triage.Intake.Fhir;
using Triage.Intake.Versions;

namespace Triage.Intake.Results;

/// <summary>
/// create, read, vread and history of <c>Binary</c>: the stored lesion photos, each with one version (a photo never
/// changes). A photo is created from a raw PNG or JPEG body or from a Binary resource, and decoded in full before it is
/// stored; a Media then names it by <c>content.url</c> = <c>Binary/id</c>. It is read back as its own content type
/// unless the client asks for FHIR (<c>_format</c>, or a FHIR media type in Accept).
/// </summary>
public static class BinaryEndpoint
{
    private const string Version = "1";

    public static async Task<IResult> CreateAsync(
        HttpRequest request, FhirRequestReader reader, LesionPhotoCheck photos, TriageDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var preference = PreferHeader.Return(request);
        var photo = await ReadPhotoAsync(request, reader, photos, cancellationToken);
        var image = StoredPhotos.NewImage(Guid.NewGuid(), photo, StoredPhotos.Sha256Of(photo.Data), clock.GetUtcNow());
        db.Images.Add(image);
        await db.SaveChangesAsync(cancellationToken);
        return FhirResults.Saved(ToResource(image), created: true, preference);
    }

    public static async Task<IResult> ReadAsync(string id, HttpRequest request, IImageStore images, CancellationToken cancellationToken) =>
        await FindAsync(id, images, cancellationToken) is { } image ? Answer(image, request) : FhirResults.NotFound("Binary", id);

    public static async Task<IResult> VersionReadAsync(string id, string vid, HttpRequest request, IImageStore images, CancellationToken cancellationToken)
    {
        var image = await FindAsync(id, images, cancellationToken) ?? throw FhirErrors.NotFound("Binary", id);
        return vid == Version ? Answer(image, request) : throw FhirErrors.VersionNotFound("Binary", id, vid);
    }

    public static async Task<IResult> HistoryAsync(string id, HttpRequest request, IImageStore images, CancellationToken cancellationToken) =>
        await FindAsync(id, images, cancellationToken) is { } image
            ? FhirResults.Resource(HistoryBundle.Create([ToResource(image)], FhirResults.BaseUrl(request), FhirResults.RequestUrl(request)))
            : FhirResults.NotFound("Binary", id);

    private static async Task<CheckedPhoto> ReadPhotoAsync(HttpRequest request, FhirRequestReader reader, LesionPhotoCheck photos, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (mediaType is not null && LesionPhotoReader.SupportedContentTypes.Contains(mediaType))
        {
            return photos.Check(await reader.ReadBytesAsync(request, cancellationToken), mediaType, "Binary", "Content-Type");
        }

        return photos.Check((await reader.ReadAsync(request, cancellationToken)).Parse<Binary>(), "Binary");
    }

    private static async Task<StoredImage?> FindAsync(string id, IImageStore images, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var imageId) ? await images.FindAsync(imageId, cancellationToken) : null;

    private static IResult Answer(StoredImage image, HttpRequest request) =>
        WantsFhir(request)
            ? FhirResults.Resource(ToResource(image))
            : Microsoft.AspNetCore.Http.Results.File(
                image.Content, image.ContentType, lastModified: image.ReceivedAt, entityTag: new EntityTagHeaderValue($"\"{Version}\"", isWeak: true));

    private static bool WantsFhir(HttpRequest request) =>
        request.Query.ContainsKey(ContentNegotiation.FormatParameter)
        || request.GetTypedHeaders().Accept.Any(a => FhirFormat.OfMediaType(a.MediaType.Value) is not null);

    private static Binary ToResource(StoredImage image) => new()
    {
        Id = image.Id.ToString(),
        Meta = new Meta { VersionId = Version, LastUpdated = image.ReceivedAt },
        ContentType = image.ContentType,
        Data = image.Content,
    };
}
