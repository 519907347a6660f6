using SkiaSharp;

namespace Triage.Imaging;

/// <summary>Turns decoded pixels upright according to the EXIF orientation the codec reports.</summary>
internal static class Orientation
{
    public static bool SwapsSides(SKEncodedOrigin origin) => origin is
        SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or
        SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Returns <paramref name="source"/> itself when it is already upright, else a new bitmap.</summary>
    public static SKBitmap Apply(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft)
        {
            return source;
        }

        int w = source.Width, h = source.Height;
        var swap = SwapsSides(origin);
        var target = new SKBitmap(source.Info.WithSize(swap ? h : w, swap ? w : h));
        var from = PixelsOf(source);
        var to = PixelsOf(target);
        var toStride = target.RowBytes / 4;
        for (var y = 0; y < h; y++)
        {
            var row = from.Slice(y * (source.RowBytes / 4), w);
            for (var x = 0; x < w; x++)
            {
                var (tx, ty) = Map(origin, x, y, w, h);
                to[ty * toStride + tx] = row[x];
            }
        }

        return target;
    }

    // Where stored pixel (x, y) of a w x h image is shown, per EXIF orientations 2 to 8.
    private static (int X, int Y) Map(SKEncodedOrigin origin, int x, int y, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => (w - 1 - x, y),
        SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
        SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
        SKEncodedOrigin.LeftTop => (y, x),
        SKEncodedOrigin.RightTop => (h - 1 - y, x),
        SKEncodedOrigin.RightBottom => (h - 1 - y, w - 1 - x),
        SKEncodedOrigin.LeftBottom => (y, w - 1 - x),
        _ => (x, y),
    };

    private static Span<uint> PixelsOf(SKBitmap bitmap) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan());
}
