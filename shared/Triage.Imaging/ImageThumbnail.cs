using SkiaSharp;

namespace Triage.Imaging;

/// <summary>
/// A small JPEG of a stored photo for lists: decoded and turned upright by <see cref="ImageDecoder"/> and shrunk by the
/// same resampling as model inputs, keeping the aspect ratio.
/// </summary>
public static class ImageThumbnail
{
    public const string ContentType = "image/jpeg";

    /// <param name="maxSide">The longer side of the thumbnail in pixels; a smaller photo keeps its size.</param>
    /// <exception cref="ImageRejectedException">The bytes are not a photo the decoder accepts.</exception>
    public static byte[] Create(ImageDecoder decoder, ReadOnlySpan<byte> encoded, int maxSide, int quality = 80)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        using var image = decoder.Decode(encoded);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(image.Width, image.Height));
        var width = Math.Max(1, (int)Math.Round(image.Width * scale));
        var height = Math.Max(1, (int)Math.Round(image.Height * scale));
        using var resized = scale < 1 ? ImageTensor.Resize(image, width, height) : image.Copy();
        using var opaque = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(opaque))
        {
            canvas.Clear(SKColors.White);
            using var source = SKImage.FromBitmap(resized);
            canvas.DrawImage(source, 0, 0, SKSamplingOptions.Default, null);
        }

        using var data = opaque.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
