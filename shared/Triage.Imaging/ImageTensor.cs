using SkiaSharp;

namespace Triage.Imaging;

public static class ImageTensor
{
    /// <summary>
    /// Resizes the whole image to spec.Width x spec.Height (no crop) and writes planar R, G, B as
    /// (x / 255 - mean) / std. Alpha is ignored: the RGB of unpremultiplied pixels is used.
    /// </summary>
    public static void WriteChw(SKBitmap image, ModelInputSpec spec, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        Validate(spec);
        if (destination.Length != spec.TensorLength)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} floats; {spec.TensorLength} are needed.", nameof(destination));
        }

        using var resized = Resize(image, spec.Width, spec.Height);
        var pixels = resized.GetPixelSpan();
        var plane = spec.Width * spec.Height;
        Span<float> scale = stackalloc float[3];
        Span<float> offset = stackalloc float[3];
        for (var c = 0; c < 3; c++)
        {
            scale[c] = 1f / (255f * spec.Std[c]);
            offset[c] = spec.Mean[c] / spec.Std[c];
        }

        for (var y = 0; y < spec.Height; y++)
        {
            var row = pixels.Slice(y * resized.RowBytes, spec.Width * 4);
            for (var x = 0; x < spec.Width; x++)
            {
                var i = y * spec.Width + x;
                destination[i] = row[4 * x] * scale[0] - offset[0];
                destination[plane + i] = row[4 * x + 1] * scale[1] - offset[1];
                destination[2 * plane + i] = row[4 * x + 2] * scale[2] - offset[2];
            }
        }
    }

    internal static SKBitmap Resize(SKBitmap image, int width, int height)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        // Shrinking samples mipmaps so that every source pixel counts; enlarging uses Mitchell cubic.
        var shrinking = width < image.Width || height < image.Height;
        var sampling = shrinking
            ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)
            : new SKSamplingOptions(SKCubicResampler.Mitchell);
        if (!image.ScalePixels(target, sampling))
        {
            target.Dispose();
            throw new ArgumentException($"The image ({image.ColorType}) cannot be resized.", nameof(image));
        }

        return target;
    }

    private static void Validate(ModelInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Width <= 0 || spec.Height <= 0 || spec.Mean.Length != 3 || spec.Std.Length != 3)
        {
            throw new ArgumentException("A model input needs a positive size and three means and deviations.", nameof(spec));
        }

        if (spec.Std.Any(s => !(s > 0)))
        {
            throw new ArgumentException("Standard deviations must be positive.", nameof(spec));
        }
    }
}
