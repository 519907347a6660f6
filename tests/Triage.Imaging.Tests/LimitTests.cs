namespace Triage.Imaging.Tests;

public class LimitTests
{
    private readonly ImageDecoder _decoder = new(ImageLimits.Default);

    [Fact]
    public void A_huge_header_is_rejected_without_allocating_its_pixels()
    {
        var claim = CraftedFiles.PngClaiming(100_000, 100_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var act = () => _decoder.Decode(claim);

        var rejection = act.Should().Throw<ImageRejectedException>().Which;
        rejection.Reason.Should().Be(ImageRejection.TooManyPixels);
        rejection.Message.Should().Be("The image is 100000 x 100000 pixels; at most 50,000,000 pixels are accepted.");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1024 * 1024);
    }

    [Theory]
    [InlineData(20, 20, 400, false)]
    [InlineData(20, 21, 400, true)]
    [InlineData(16, 16, 256, false)]
    public void Pixel_limit_is_configurable(int width, int height, long maxPixels, bool rejected)
    {
        var decoder = new ImageDecoder(ImageLimits.Default with { MaxPixels = maxPixels });
        var act = () => decoder.Inspect(TestImages.SolidPng(width, height, TestImages.Blue));

        if (rejected)
        {
            act.Should().Throw<ImageRejectedException>().Which.Reason.Should().Be(ImageRejection.TooManyPixels);
        }
        else
        {
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void Files_over_the_byte_limit_are_rejected_before_decoding()
    {
        var png = TestImages.RealImage("PAT_1014_86_861.png");
        var atLimit = new ImageDecoder(ImageLimits.Default with { MaxEncodedBytes = png.Length });
        var belowLimit = new ImageDecoder(ImageLimits.Default with { MaxEncodedBytes = png.Length - 1 });

        atLimit.Inspect(png).Width.Should().Be(300);
        var act = () => belowLimit.Decode(png);
        act.Should().Throw<ImageRejectedException>().Which.Reason.Should().Be(ImageRejection.TooLarge);
    }

    [Fact]
    public void Default_byte_limit_is_20_MiB()
    {
        var oversized = new byte[20 * 1024 * 1024 + 1];
        TestImages.RealImage("PAT_1014_86_861.png").CopyTo(oversized, 0);

        var act = () => new ImageDecoder(ImageLimits.Default).Inspect(oversized);

        act.Should().Throw<ImageRejectedException>().Which.Reason.Should().Be(ImageRejection.TooLarge);
    }
}
