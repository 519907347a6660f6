using SkiaSharp;

namespace Triage.Imaging.Tests;

public class ImageTensorTests
{
    private static readonly ModelInputSpec Raw = new(2, 2, [0f, 0f, 0f], [1f, 1f, 1f]);

    [Fact]
    public void Pure_red_with_ImageNet_statistics()
    {
        using var red = TestImages.Solid(32, 32, TestImages.Red);
        var tensor = new float[ModelInputSpec.ImageNet(32).TensorLength];

        ImageTensor.WriteChw(red, ModelInputSpec.ImageNet(32), tensor);

        var plane = 32 * 32;
        tensor.Should().HaveCount(3 * plane);
        tensor[..plane].Should().AllSatisfy(v => v.Should().BeApproximately(2.2489083f, 1e-5f));
        tensor[plane..(2 * plane)].Should().AllSatisfy(v => v.Should().BeApproximately(-2.0357143f, 1e-5f));
        tensor[(2 * plane)..].Should().AllSatisfy(v => v.Should().BeApproximately(-1.8044444f, 1e-5f));
    }

    [Theory]
    [InlineData(64, 48, 8)]    // shrink
    [InlineData(10, 10, 24)]   // enlarge
    [InlineData(300, 300, 224)]
    public void Solid_colour_survives_resizing(int width, int height, int size)
    {
        using var image = TestImages.Solid(width, height, new SKColor(128, 64, 32));
        var spec = ModelInputSpec.ImageNet(size);
        var tensor = new float[spec.TensorLength];

        ImageTensor.WriteChw(image, spec, tensor);

        var plane = size * size;
        float[] expected = [(128 / 255f - 0.485f) / 0.229f, (64 / 255f - 0.456f) / 0.224f, (32 / 255f - 0.406f) / 0.225f];
        for (var c = 0; c < 3; c++)
        {
            var channel = c;
            tensor[(c * plane)..((c + 1) * plane)].Should()
                .AllSatisfy(v => v.Should().BeApproximately(expected[channel], 0.02f), $"channel {c}");
        }
    }

    [Fact]
    public void Planes_are_R_then_G_then_B_each_row_major()
    {
        using var image = new SKBitmap(new SKImageInfo(2, 2, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        image.SetPixel(0, 0, new SKColor(255, 0, 0));
        image.SetPixel(1, 0, new SKColor(0, 255, 0));
        image.SetPixel(0, 1, new SKColor(0, 0, 255));
        image.SetPixel(1, 1, new SKColor(255, 255, 51));
        var tensor = new float[12];

        ImageTensor.WriteChw(image, Raw, tensor);

        tensor.Should().Equal([1f, 0f, 0f, 1f, 0f, 1f, 0f, 1f, 0f, 0f, 1f, 0.2f], (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void Two_colour_image_keeps_its_halves_in_a_non_square_tensor()
    {
        using var image = TestImages.Solid(60, 40, TestImages.Red);
        image.Erase(TestImages.Blue, new SKRectI(0, 20, 60, 40));
        var spec = new ModelInputSpec(6, 4, [0f, 0f, 0f], [1f, 1f, 1f]);
        var tensor = new float[spec.TensorLength];

        ImageTensor.WriteChw(image, spec, tensor);

        tensor.Should().HaveCount(72);
        float[] top = [1f, 0f, 0f], bottom = [0f, 0f, 1f];
        for (var c = 0; c < 3; c++)
        {
            tensor[(c * 24)..(c * 24 + 6)].Should().AllSatisfy(v => v.Should().BeApproximately(top[c], 0.01f));
            tensor[(c * 24 + 18)..(c * 24 + 24)].Should().AllSatisfy(v => v.Should().BeApproximately(bottom[c], 0.01f));
        }
    }

    [Theory]
    [InlineData(2)]   // same size
    [InlineData(8)]   // shrunk to 2x2
    public void Alpha_is_ignored(int side)
    {
        // Written byte by byte: SKBitmap.Erase premultiplies, which would zero a transparent colour.
        using var image = TestImages.Solid(side, side, SKColors.Black);
        var pixels = image.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = ((byte)204, (byte)102, (byte)51, (byte)0);
        }

        var tensor = new float[12];

        ImageTensor.WriteChw(image, Raw, tensor);

        tensor.Should().Equal([0.8f, 0.8f, 0.8f, 0.8f, 0.4f, 0.4f, 0.4f, 0.4f, 0.2f, 0.2f, 0.2f, 0.2f],
            (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(0)]
    public void Destination_must_be_exactly_the_tensor_length(int length)
    {
        using var image = TestImages.Solid(4, 4, TestImages.Red);

        var act = () => ImageTensor.WriteChw(image, Raw, new float[length]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ImageNet_spec_has_the_documented_statistics()
    {
        var spec = ModelInputSpec.ImageNet(224);

        spec.TensorLength.Should().Be(150_528);
        spec.Mean.Should().Equal(0.485f, 0.456f, 0.406f);
        spec.Std.Should().Equal(0.229f, 0.224f, 0.225f);
    }
}
