using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Data.Images;
using Triage.Imaging;
using Triage.Review.SignIn;

namespace Triage.Review.Images;

/// <summary>
/// The stored photos for reviewers: full resolution as received, and worklist thumbnails made on the server and kept
/// in memory (a stored photo never changes, so neither does its thumbnail).
/// </summary>
public static class ReviewImageEndpoints
{
    public static void MapReviewImages(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("/review/images").RequireAuthorization(ReviewerSignIn.ReviewerPolicy);
        images.MapGet("/{imageId:guid}", FullAsync);
        images.MapGet("/{imageId:guid}/thumbnail", ThumbnailAsync);
    }

    private static async Task<IResult> FullAsync(Guid imageId, IImageStore store, HttpContext context, CancellationToken cancellationToken)
    {
        var image = await store.FindAsync(imageId, cancellationToken);
        if (image is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        return Results.Bytes(image.Content, image.ContentType);
    }

    private static async Task<IResult> ThumbnailAsync(
        Guid imageId,
        IImageStore store,
        ImageDecoder decoder,
        ThumbnailCache thumbnails,
        IOptions<ReviewUiOptions> options,
        ILogger<ReviewUiOptions> logger,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var key = ("review-thumbnail", imageId);
        if (!thumbnails.Cache.TryGetValue(key, out byte[]? thumbnail))
        {
            var image = await store.FindAsync(imageId, cancellationToken);
            if (image is null)
            {
                return Results.NotFound();
            }

            try
            {
                thumbnail = ImageThumbnail.Create(decoder, image.Content, options.Value.ThumbnailSize);
            }
            catch (ImageRejectedException e)
            {
                logger.ThumbnailFailed(imageId, e);
                return Results.StatusCode(StatusCodes.Status422UnprocessableEntity);
            }

            thumbnails.Cache.Set(key, thumbnail, new MemoryCacheEntryOptions { Size = thumbnail.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        context.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        return Results.Bytes(thumbnail!, ImageThumbnail.ContentType);
    }
}
