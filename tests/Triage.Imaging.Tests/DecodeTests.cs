using SkiaSharp;

namespace Triage.Imaging.Tests;

public class DecodeTests
{
    private readonly ImageDecoder _decoder = new(ImageLimits.Default);

    [Fact]
    public void RGBA_PNG_keeps_unpremultiplied_colour_under_partial_alpha()
    {
        using var source = TestImages.Solid(20, 20, new SKColor(10, 200, 30, 128));
        var png = TestImages.Encode(source, SKEncodedImageFormat.Png);

        using var decoded = _decoder.Decode(png);

        png[25].Should().Be(6, "the file is an RGBA PNG");
        ShouldBeRgba8888(decoded);
        decoded.GetPixel(7, 7).Should().Be(new SKColor(10, 200, 30, 128));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    public void Greyscale_becomes_three_equal_channels(SKEncodedImageFormat format)
    {
        using var grey = new SKBitmap(new SKImageInfo(24, 18, SKColorType.Gray8, SKAlphaType.Opaque));
        grey.Erase(new SKColor(77, 77, 77));
        var bytes = TestImages.Encode(grey, format);
        using (var codec = SKCodec.Create(SKData.CreateCopy(bytes)))
        {
            codec.Info.ColorType.Should().Be(SKColorType.Gray8, "the encoded file is greyscale");
        }

        using var decoded = _decoder.Decode(bytes);

        ShouldBeRgba8888(decoded);
        decoded.Width.Should().Be(24);
        decoded.Height.Should().Be(18);
        decoded.GetPixel(12, 9).Should().Be(new SKColor(77, 77, 77, 255));
    }

    [Fact]
    public void Sixteen_bit_PNG_decodes_to_eight_bits()
    {
        var png = CraftedFiles.Png16(20, 16, 0xC8C8, 0x6464, 0x0A0A);

        using var decoded = _decoder.Decode(png);

        png[24].Should().Be(16, "the file has 16 bits per sample");
        ShouldBeRgba8888(decoded);
        decoded.GetPixel(19, 15).Should().Be(new SKColor(200, 100, 10, 255));
    }

    [Fact]
    public void JPEG_decodes_close_to_its_source_colour()
    {
        using var decoded = _decoder.Decode(TestImages.SolidJpeg(32, 32, new SKColor(180, 90, 40)));

        ShouldBeRgba8888(decoded);
        var pixel = decoded.GetPixel(16, 16);
        ((int)pixel.Red).Should().BeInRange(177, 183);
        ((int)pixel.Green).Should().BeInRange(87, 93);
        ((int)pixel.Blue).Should().BeInRange(37, 43);
    }

    private static void ShouldBeRgba8888(SKBitmap bitmap)
    {
        bitmap.ColorType.Should().Be(SKColorType.Rgba8888);
        bitmap.AlphaType.Should().Be(SKAlphaType.Unpremul);
    }
}
