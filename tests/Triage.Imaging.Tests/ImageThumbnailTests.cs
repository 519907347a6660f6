using SkiaSharp;
using Triage.Imaging;
using Triage.Testing;

namespace Triage.Imaging.Tests;

public class ImageThumbnailTests
{
    private static readonly ImageDecoder Decoder = new(ImageLimits.Default);

    [Theory]
    [InlineData(1200, 800, 160, 160, 107)]
    [InlineData(600, 900, 160, 107, 160)]
    [InlineData(100, 80, 160, 100, 80)]
    public void A_thumbnail_keeps_the_aspect_ratio_within_the_longest_side(int width, int height, int maxSide, int expectedWidth, int expectedHeight)
    {
        var thumbnail = ImageThumbnail.Create(Decoder, TestImages.SolidPng(width, height, TestImages.Red), maxSide);

        using var decoded = SKBitmap.Decode(thumbnail);
        (decoded.Width, decoded.Height).Should().Be((expectedWidth, expectedHeight));
        thumbnail.Take(3).Should().Equal((byte)0xFF, (byte)0xD8, (byte)0xFF);
        var pixel = decoded.GetPixel(decoded.Width / 2, decoded.Height / 2);
        pixel.Red.Should().BeGreaterThan(240);
        pixel.Blue.Should().BeLessThan(20);
    }

    [Fact]
    public void A_real_photo_becomes_a_small_file()
    {
        var photo = TestImages.RealImage(Path.GetFileName(TestImages.RealImagePaths()[0]));

        var thumbnail = ImageThumbnail.Create(Decoder, photo, 160);

        thumbnail.Length.Should().BeLessThan(photo.Length / 4).And.BeLessThan(20_000);
    }

    [Fact]
    public void Bytes_that_are_not_a_photo_are_refused() =>
        FluentActions.Invoking(() => ImageThumbnail.Create(Decoder, "not an image"u8, 160)).Should().Throw<ImageRejectedException>();
}
