using Microsoft.AspNetCore.Http;
using Triage.Data.Images;
using Triage.Intake.Fhir;

namespace Triage.Intake.Results;

/// <summary><c>GET /fhir/Binary/{id}</c>: a stored lesion photo, as its own content type.</summary>
public static class BinaryEndpoint
{
    public static async Task<IResult> ReadAsync(string id, IImageStore images, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var imageId) && await images.FindAsync(imageId, cancellationToken) is { } image
            ? Microsoft.AspNetCore.Http.Results.File(image.Content, image.ContentType)
            : FhirResults.NotFound("Binary", id);
}
