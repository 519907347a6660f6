using SkiaSharp;

namespace Triage.Testing;

/// <summary>Images encoded by SkiaSharp itself, and real PAD-UFES-20 files.</summary>
public static class TestImages
{
    public static readonly SKColor Red = new(255, 0, 0);
    public static readonly SKColor Blue = new(0, 0, 255);

    public static SKBitmap Solid(int width, int height, SKColor colour, SKColorType type = SKColorType.Rgba8888)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, type, SKAlphaType.Unpremul));
        bitmap.Erase(colour);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 100)
    {
        using var data = bitmap.Encode(format, quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return data.ToArray();
    }

    public static byte[] SolidPng(int width, int height, SKColor colour)
    {
        using var bitmap = Solid(width, height, colour);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    public static byte[] SolidJpeg(int width, int height, SKColor colour)
    {
        using var bitmap = Solid(width, height, colour);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    public static string[] RealImagePaths() =>
        Directory.GetFiles(Path.Combine(TestPaths.PadUfes20, "images"), "*.png").Order().ToArray();

    public static byte[] RealImage(string name) => File.ReadAllBytes(TestPaths.PadUfes20Image(name));

    /// <summary>A real lesion photograph re-encoded as JPEG.</summary>
    public static byte[] RealJpeg(string name)
    {
        using var bitmap = SKBitmap.Decode(RealImage(name));
        return Encode(bitmap, SKEncodedImageFormat.Jpeg, 90);
    }

    /// <summary>Inserts an EXIF APP1 segment carrying only an orientation tag right after the JPEG's SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] exif =
        [
            0xFF, 0xE1, 0x00, 0x22, // APP1, length 34 (itself included)
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, IFD at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, // Orientation, SHORT, count 1
            (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        return [.. jpeg.AsSpan(0, 2), .. exif, .. jpeg.AsSpan(2)];
    }
}
