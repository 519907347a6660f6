using SkiaSharp;

namespace Triage.Imaging.Tests;

/// <summary>
/// A 40x20 JPEG, blue with a red block in its stored top-left corner, tagged with each EXIF orientation:
/// the decoded image must be upright, so the block shows in the corner the tag says.
/// </summary>
public class OrientationTests
{
    public enum Corner { TopLeft, TopRight, BottomRight, BottomLeft }

    private readonly ImageDecoder _decoder = new(ImageLimits.Default);

    [Theory]
    [InlineData(1, 40, 20, Corner.TopLeft)]
    [InlineData(2, 40, 20, Corner.TopRight)]
    [InlineData(3, 40, 20, Corner.BottomRight)]
    [InlineData(4, 40, 20, Corner.BottomLeft)]
    [InlineData(5, 20, 40, Corner.TopLeft)]
    [InlineData(6, 20, 40, Corner.TopRight)]
    [InlineData(7, 20, 40, Corner.BottomRight)]
    [InlineData(8, 20, 40, Corner.BottomLeft)]
    public void Decoded_image_is_upright(ushort orientation, int width, int height, Corner red)
    {
        var jpeg = TestImages.WithExifOrientation(StoredImage(), orientation);

        var info = _decoder.Inspect(jpeg);
        using var decoded = _decoder.Decode(jpeg);

        info.Should().Be(new ImageInfo("image/jpeg", width, height));
        decoded.Width.Should().Be(width);
        decoded.Height.Should().Be(height);
        foreach (var corner in Enum.GetValues<Corner>())
        {
            var (x, y) = Near(corner, width, height);
            var pixel = decoded.GetPixel(x, y);
            var isRed = pixel.Red > 200 && pixel.Blue < 60;
            var isBlue = pixel.Blue > 200 && pixel.Red < 60;
            (corner == red ? isRed : isBlue).Should().BeTrue($"{corner} is {pixel} under orientation {orientation}");
        }
    }

    private static (int X, int Y) Near(Corner corner, int width, int height) => corner switch
    {
        Corner.TopLeft => (2, 2),
        Corner.TopRight => (width - 3, 2),
        Corner.BottomRight => (width - 3, height - 3),
        _ => (2, height - 3),
    };

    private static byte[] StoredImage()
    {
        using var bitmap = TestImages.Solid(40, 20, TestImages.Blue);
        bitmap.Erase(TestImages.Red, new SKRectI(0, 0, 16, 8));
        return TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }
}
