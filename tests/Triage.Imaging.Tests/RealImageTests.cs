using System.Buffers.Binary;
using SkiaSharp;

namespace Triage.Imaging.Tests;

public class RealImageTests
{
    private readonly ImageDecoder _decoder = new(ImageLimits.Default);

    [Fact]
    public void Every_PAD_UFES_20_image_inspects_and_decodes_to_its_header_size()
    {
        var paths = TestImages.RealImagePaths();
        var failures = new List<string>();

        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(path);
            var (width, height) = IhdrSize(bytes);
            try
            {
                var info = _decoder.Inspect(bytes);
                using var bitmap = _decoder.Decode(bytes);
                if (info != new ImageInfo(ImageInfo.Png, width, height)
                    || bitmap.Width != width || bitmap.Height != height
                    || bitmap.ColorType != SKColorType.Rgba8888 || bitmap.AlphaType != SKAlphaType.Unpremul)
                {
                    failures.Add($"{Path.GetFileName(path)}: {info}, {bitmap.Info}");
                }
            }
            catch (ImageRejectedException e)
            {
                failures.Add($"{Path.GetFileName(path)}: {e.Reason} {e.Message}");
            }
        }

        paths.Should().HaveCount(523);
        failures.Should().BeEmpty();
    }

    [Theory]
    [InlineData("PAT_1014_86_861.png", 300, 300)]
    [InlineData("PAT_106_159_325.png", 516, 515)]
    [InlineData("PAT_1710_3160_488.png", 1316, 1317)]
    [InlineData("PAT_1278_965_701.png", 2352, 2352)]
    public void Inspect_reads_size_and_format(string name, int width, int height)
    {
        _decoder.Inspect(TestImages.RealImage(name)).Should().Be(new ImageInfo("image/png", width, height));
    }

    [Theory]
    [InlineData("PAT_1014_86_861.png")]
    [InlineData("PAT_106_159_325.png")]
    public void Inspect_reads_a_JPEG(string name)
    {
        var png = _decoder.Inspect(TestImages.RealImage(name));

        _decoder.Inspect(TestImages.RealJpeg(name)).Should().Be(png with { ContentType = "image/jpeg" });
    }

    [Fact]
    public void The_photograph_with_a_malformed_colour_description_decodes_as_stored()
    {
        // Its cHRM chunk comes without the gAMA it needs; an eXIf chunk says orientation 1.
        var bytes = TestImages.RealImage("PAT_1545_1867_547.png");
        using var plain = SKBitmap.Decode(bytes);
        using var decoded = _decoder.Decode(bytes);

        decoded.GetPixel(100, 200).Should().Be(plain.GetPixel(100, 200));
        decoded.GetPixel(320, 320).Should().Be(plain.GetPixel(320, 320));
        decoded.GetPixel(320, 320).Alpha.Should().Be(255);
    }

    private static (int Width, int Height) IhdrSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}
