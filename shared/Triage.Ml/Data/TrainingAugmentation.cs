using SkiaSharp;

namespace Triage.Ml.Data;

/// <summary>
/// A random crop of the photo, flipped, rotated (edges mirrored) and colour-jittered, drawn at the
/// model's input size. Normalisation is left to Triage.Imaging's ImageTensor, as at inference.
/// </summary>
public sealed class TrainingAugmentation(AugmentationOptions options)
{
    public SKBitmap Apply(SKBitmap photo, int width, int height, Random random)
    {
        var (cropWidth, cropHeight) = CropSize(photo.Width, photo.Height, random);
        var centreX = photo.Width / 2f + (float)((random.NextDouble() - 0.5) * (photo.Width - cropWidth));
        var centreY = photo.Height / 2f + (float)((random.NextDouble() - 0.5) * (photo.Height - cropHeight));
        var angle = (float)((random.NextDouble() * 2 - 1) * options.MaxRotationDegrees);
        var flipX = options.Flip && random.Next(2) == 1 ? -1f : 1f;
        var flipY = options.Flip && random.Next(2) == 1 ? -1f : 1f;

        // Output pixel -> photo pixel: centre the output, undo flip and scale, rotate, move to the crop centre.
        var toPhoto = SKMatrix.CreateTranslation(-width / 2f, -height / 2f)
            .PostConcat(SKMatrix.CreateScale(flipX * cropWidth / width, flipY * cropHeight / height))
            .PostConcat(SKMatrix.CreateRotationDegrees(angle))
            .PostConcat(SKMatrix.CreateTranslation(centreX, centreY));
        if (!toPhoto.TryInvert(out var toOutput))
        {
            throw new InvalidOperationException("The augmentation transform is singular.");
        }

        var output = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var canvas = new SKCanvas(output);
        using var image = SKImage.FromBitmap(photo);
        var sampling = cropWidth > width ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear) : new SKSamplingOptions(SKFilterMode.Linear);
        using var shader = image.ToShader(SKShaderTileMode.Mirror, SKShaderTileMode.Mirror, sampling, toOutput);
        using var colour = ColourJitter.Create(options, random);
        using var paint = new SKPaint { Shader = shader, ColorFilter = colour, BlendMode = SKBlendMode.Src };
        canvas.DrawRect(0, 0, width, height, paint);
        return output;
    }

    private (float Width, float Height) CropSize(int photoWidth, int photoHeight, Random random)
    {
        var area = photoWidth * (double)photoHeight * Uniform(options.MinCropArea, options.MaxCropArea, random);
        var aspect = Math.Exp(Uniform(Math.Log(options.MinAspect), Math.Log(options.MaxAspect), random));
        var width = Math.Min(photoWidth, Math.Sqrt(area * aspect));
        var height = Math.Min(photoHeight, Math.Sqrt(area / aspect));
        return ((float)width, (float)height);
    }

    private static double Uniform(double low, double high, Random random) => low + (high - low) * random.NextDouble();
}
