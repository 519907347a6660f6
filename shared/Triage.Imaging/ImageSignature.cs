namespace Triage.Imaging;

/// <summary>
/// Recognises a file by its first bytes, so that only the PNG and JPEG codecs ever see untrusted input.
/// </summary>
internal static class ImageSignature
{
    private static readonly (byte[] Magic, string Name)[] Unsupported =
    [
        ("GIF8"u8.ToArray(), "GIF"),
        ("BM"u8.ToArray(), "BMP"),
        ([0x00, 0x00, 0x01, 0x00], "ICO"),
        ("II*\0"u8.ToArray(), "TIFF"),
        ("MM\0*"u8.ToArray(), "TIFF"),
        ([0xFF, 0x0A], "JPEG XL"),
        ("\0\0\0\fJXL "u8.ToArray(), "JPEG XL"),
    ];

    public static string? ContentType(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageInfo.Png;
        }

        return data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ImageInfo.Jpeg : null;
    }

    /// <summary>The name of an image format that is recognised but not accepted, or null.</summary>
    public static string? UnsupportedFormat(ReadOnlySpan<byte> data)
    {
        foreach (var (magic, name) in Unsupported)
        {
            if (data.StartsWith(magic))
            {
                return name;
            }
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return "WebP";
        }

        // ISO base media files (HEIC, AVIF) name their brand after "ftyp" at offset 4.
        return data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8) ? "HEIF/AVIF" : null;
    }
}
