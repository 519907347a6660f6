using SkiaSharp;
using Triage.Imaging;
using Triage.Ml.Data;
using Triage.Testing;

namespace Triage.Ml.Tests.Data;

public class TrainingAugmentationTests
{
    private static readonly ModelInputSpec Spec = ModelInputSpec.ImageNet(32);

    private static SKBitmap LeftRedRightBlue()
    {
        var bitmap = TestImages.Solid(64, 64, TestImages.Blue);
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { Color = TestImages.Red };
        canvas.DrawRect(0, 0, 32, 64, paint);
        return bitmap;
    }

    [Fact]
    public void Without_augmentation_the_photo_is_only_resized()
    {
        using var photo = new ImageDecoder(ImageLimits.Default).Decode(TestImages.RealImage(Path.GetFileName(TestImages.RealImagePaths()[0])));
        using var augmented = new TrainingAugmentation(AugmentationOptions.None).Apply(photo, Spec.Width, Spec.Height, new Random(1));
        var expected = new float[Spec.TensorLength];
        var actual = new float[Spec.TensorLength];

        ImageTensor.WriteChw(photo, Spec, expected);
        ImageTensor.WriteChw(augmented, Spec, actual);

        var meanAbsoluteDifference = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Average();
        meanAbsoluteDifference.Should().BeLessThan(0.05f, "the same photo at the same size, up to resampling");
    }

    [Fact]
    public void Flips_mirror_the_photo_and_both_outcomes_occur()
    {
        using var photo = LeftRedRightBlue();
        var options = AugmentationOptions.None with { Flip = true };
        var leftColours = Enumerable.Range(0, 20).Select(seed =>
        {
            using var output = new TrainingAugmentation(options).Apply(photo, 16, 16, new Random(seed));
            var left = output.GetPixel(2, 8);
            var right = output.GetPixel(13, 8);
            (left == right).Should().BeFalse("a flip keeps the two halves apart");
            return left;
        }).ToHashSet();

        leftColours.Should().BeEquivalentTo([TestImages.Red, TestImages.Blue]);
    }

    [Fact]
    public void Rotation_fills_the_corners_with_the_photo_not_black()
    {
        using var photo = TestImages.Solid(50, 50, new SKColor(200, 150, 100));
        var options = AugmentationOptions.None with { MaxRotationDegrees = 45 };
        using var output = new TrainingAugmentation(options).Apply(photo, 32, 32, new Random(3));

        output.GetPixel(0, 0).Should().Be(new SKColor(200, 150, 100));
        output.GetPixel(31, 31).Should().Be(new SKColor(200, 150, 100));
    }

    [Fact]
    public void Brightness_jitter_scales_grey_within_its_range()
    {
        using var photo = TestImages.Solid(20, 20, new SKColor(100, 100, 100));
        var options = AugmentationOptions.None with { Brightness = 0.5 };
        var levels = Enumerable.Range(0, 30).Select(seed =>
        {
            using var output = new TrainingAugmentation(options).Apply(photo, 8, 8, new Random(seed));
            var pixel = output.GetPixel(4, 4);
            pixel.Red.Should().Be(pixel.Green).And.Be(pixel.Blue);
            return (int)pixel.Red;
        }).ToList();

        levels.Should().OnlyContain(level => level >= 49 && level <= 151);
        levels.Distinct().Count().Should().BeGreaterThan(10);
    }

    [Fact]
    public void Saturation_zero_makes_grey()
    {
        using var photo = TestImages.Solid(20, 20, new SKColor(200, 50, 50));
        var options = AugmentationOptions.None with { Saturation = 1.0 };
        var spreads = Enumerable.Range(0, 30).Select(seed =>
        {
            using var output = new TrainingAugmentation(options).Apply(photo, 8, 8, new Random(seed));
            var p = output.GetPixel(4, 4);
            return Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue));
        }).ToList();

        spreads.Min().Should().BeLessThan(30, "some draws come close to grey");
        spreads.Max().Should().BeGreaterThan(150, "others keep or raise the saturation");
    }
}
