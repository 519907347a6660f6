using SkiaSharp;

namespace Triage.Imaging;

/// <summary>
/// Decodes PNG and JPEG uploads to upright RGBA8888 (unpremultiplied) bitmaps, after checking the
/// encoded size and the header so that nothing absurd is ever decoded whole.
/// </summary>
public sealed class ImageDecoder
{
    private readonly ImageLimits _limits;

    public ImageDecoder(ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    public ImageLimits Limits => _limits;

    public ImageInfo Inspect(ReadOnlySpan<byte> encoded)
    {
        using var codec = OpenCodec(encoded, out var info);
        return info;
    }

    public SKBitmap Decode(ReadOnlySpan<byte> encoded)
    {
        using var codec = OpenCodec(encoded, out _);
        // No colour space: pixels are taken as stored, without colour management from embedded profiles.
        var target = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(target);
        try
        {
            var result = codec.GetPixels(target, bitmap.GetPixels());
            if (result != SKCodecResult.Success)
            {
                throw Rejections.Undecodable(result);
            }

            var upright = Orientation.Apply(bitmap, codec.EncodedOrigin);
            if (!ReferenceEquals(upright, bitmap))
            {
                bitmap.Dispose();
            }

            return upright;
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    private SKCodec OpenCodec(ReadOnlySpan<byte> encoded, out ImageInfo info)
    {
        var contentType = CheckBytes(encoded);
        using var data = SKData.CreateCopy(encoded);
        var stream = new SKMemoryStream(data);
        // The codec owns the stream from here on, whether it opens or not.
        var codec = SKCodec.Create(stream, out var result)
            ?? throw Rejections.Undecodable(result);
        try
        {
            info = CheckHeader(codec, contentType);
            return codec;
        }
        catch
        {
            codec.Dispose();
            throw;
        }
    }

    private string CheckBytes(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw Rejections.Empty();
        }

        if (encoded.Length > _limits.MaxEncodedBytes)
        {
            throw Rejections.TooLarge(encoded.Length, _limits.MaxEncodedBytes);
        }

        return ImageSignature.ContentType(encoded)
            ?? throw (ImageSignature.UnsupportedFormat(encoded) is { } name
                ? Rejections.Unsupported(name)
                : Rejections.NotAnImage());
    }

    private ImageInfo CheckHeader(SKCodec codec, string contentType)
    {
        int width = codec.Info.Width, height = codec.Info.Height;
        if ((long)width * height > _limits.MaxPixels)
        {
            throw Rejections.TooManyPixels(width, height, _limits.MaxPixels);
        }

        if (Math.Min(width, height) < _limits.MinSide)
        {
            throw Rejections.TooSmall(width, height, _limits.MinSide);
        }

        return Orientation.SwapsSides(codec.EncodedOrigin)
            ? new ImageInfo(contentType, height, width)
            : new ImageInfo(contentType, width, height);
    }
}
