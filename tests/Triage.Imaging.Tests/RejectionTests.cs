using SkiaSharp;

namespace Triage.Imaging.Tests;

public class RejectionTests
{
    private static readonly Dictionary<string, Func<byte[]>> Files = new()
    {
        ["empty"] = () => [],
        ["random bytes"] = () => RandomBytes(4096),
        ["text file"] = () => "Patient reports an itchy lesion on the left forearm.\n"u8.ToArray(),
        ["PDF"] = () => "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray(),
        ["GIF"] = CraftedFiles.Gif,
        ["BMP"] = () => CraftedFiles.Bmp(32, 32),
        ["WebP"] = () => Encoded(SKEncodedImageFormat.Webp),
        ["1x1 PNG"] = () => TestImages.SolidPng(1, 1, TestImages.Red),
        ["15x40 PNG"] = () => TestImages.SolidPng(15, 40, TestImages.Red),
        ["40x15 JPEG"] = () => TestImages.SolidJpeg(40, 15, TestImages.Red),
        ["PNG header claiming 100000x100000"] = () => CraftedFiles.PngClaiming(100_000, 100_000),
        ["PNG signature alone"] = () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        ["JPEG SOI alone"] = () => [0xFF, 0xD8, 0xFF],
        ["PNG with a damaged header"] = () => Damaged(TestImages.SolidPng(32, 32, TestImages.Red), 29),
        ["JPEG with a damaged header"] = () => Damaged(TestImages.SolidJpeg(32, 32, TestImages.Red), 3),
    };

    public static TheoryData<string, ImageRejection> Cases => new()
    {
        { "empty", ImageRejection.Empty },
        { "random bytes", ImageRejection.NotAnImage },
        { "text file", ImageRejection.NotAnImage },
        { "PDF", ImageRejection.NotAnImage },
        { "GIF", ImageRejection.UnsupportedFormat },
        { "BMP", ImageRejection.UnsupportedFormat },
        { "WebP", ImageRejection.UnsupportedFormat },
        { "1x1 PNG", ImageRejection.TooSmall },
        { "15x40 PNG", ImageRejection.TooSmall },
        { "40x15 JPEG", ImageRejection.TooSmall },
        { "PNG header claiming 100000x100000", ImageRejection.TooManyPixels },
        { "PNG signature alone", ImageRejection.Truncated },
        { "JPEG SOI alone", ImageRejection.Truncated },
        // Skia reports a PNG header that fails its checksum as incomplete input.
        { "PNG with a damaged header", ImageRejection.Truncated },
        { "JPEG with a damaged header", ImageRejection.NotAnImage },
    };

    private readonly ImageDecoder _decoder = new(ImageLimits.Default);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inspect_and_decode_reject_with_a_plain_reason(string file, ImageRejection expected)
    {
        var bytes = Files[file]();

        var inspect = () => _decoder.Inspect(bytes);
        var decode = () => _decoder.Decode(bytes);

        inspect.Should().Throw<ImageRejectedException>().Which.Reason.Should().Be(expected);
        var rejection = decode.Should().Throw<ImageRejectedException>().Which;
        rejection.Reason.Should().Be(expected);
        rejection.Message.Should().NotBeNullOrWhiteSpace().And.NotContain("\n").And.NotContain("Exception");
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Unsupported_samples_are_real_images(SKEncodedImageFormat format)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(Encoded(format)));
        codec.Should().NotBeNull();
        codec.EncodedFormat.Should().Be(format);
    }

    [Fact]
    public void Crafted_unsupported_files_are_real_images()
    {
        using var gif = SKCodec.Create(SKData.CreateCopy(CraftedFiles.Gif()));
        using var bmp = SKCodec.Create(SKData.CreateCopy(CraftedFiles.Bmp(32, 32)));
        gif.EncodedFormat.Should().Be(SKEncodedImageFormat.Gif);
        bmp.EncodedFormat.Should().Be(SKEncodedImageFormat.Bmp);
        bmp.Info.Size.Should().Be(new SKSizeI(32, 32));
    }

    private static byte[] Encoded(SKEncodedImageFormat format)
    {
        using var bitmap = TestImages.Solid(32, 32, TestImages.Blue);
        return TestImages.Encode(bitmap, format, 90);
    }

    private static byte[] Damaged(byte[] file, int at)
    {
        file[at] ^= 0xFF;
        return file;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20240601).NextBytes(bytes);
        return bytes;
    }
}
