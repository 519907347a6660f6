using SkiaSharp;
using Triage.Imaging;
using Triage.Ml.PadUfes20;

namespace Triage.Ml.Data;

/// <summary>
/// Every case's photo decoded once (upright, by Triage.Imaging) and shrunk to at most
/// <c>maxSide</c> pixels, for augmentation to crop from every epoch. Nothing augmented is cached.
/// </summary>
public sealed class LesionPhotoCache : IDisposable
{
    private readonly SKBitmap[] _photos;

    private LesionPhotoCache(SKBitmap[] photos) => _photos = photos;

    public SKBitmap this[int index] => _photos[index];

    public int Count => _photos.Length;

    public static LesionPhotoCache Load(IReadOnlyList<PadUfes20Case> cases, int maxSide, ImageDecoder decoder)
    {
        var photos = new SKBitmap[cases.Count];
        Parallel.For(0, cases.Count, i =>
        {
            var decoded = decoder.Decode(File.ReadAllBytes(cases[i].ImagePath));
            photos[i] = Shrink(decoded, maxSide);
        });
        return new LesionPhotoCache(photos);
    }

    private static SKBitmap Shrink(SKBitmap photo, int maxSide)
    {
        var scale = Math.Min(1.0, maxSide / (double)Math.Max(photo.Width, photo.Height));
        if (scale == 1.0)
        {
            return photo;
        }

        var info = new SKImageInfo(
            Math.Max(1, (int)Math.Round(photo.Width * scale)), Math.Max(1, (int)Math.Round(photo.Height * scale)),
            SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var shrunk = new SKBitmap(info);
        photo.ScalePixels(shrunk, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        photo.Dispose();
        return shrunk;
    }

    public void Dispose()
    {
        foreach (var photo in _photos)
        {
            photo?.Dispose();
        }
    }
}
