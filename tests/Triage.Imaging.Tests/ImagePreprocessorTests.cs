namespace Triage.Imaging.Tests;

public class ImagePreprocessorTests
{
    private readonly ImagePreprocessor _preprocessor = new(new ImageDecoder(ImageLimits.Default));

    [Theory]
    [InlineData("PAT_1014_86_861.png", 224)]
    [InlineData("PAT_106_159_325.png", 96)]
    public void Real_image_becomes_a_bounded_deterministic_tensor(string name, int size)
    {
        var bytes = TestImages.RealImage(name);
        var spec = ModelInputSpec.ImageNet(size);

        var tensor = _preprocessor.Preprocess(bytes, spec);
        var again = new float[spec.TensorLength];
        _preprocessor.Preprocess(bytes, spec, again);

        tensor.Should().HaveCount(3 * size * size);
        again.Should().Equal(tensor);
        for (var c = 0; c < 3; c++)
        {
            var low = -spec.Mean[c] / spec.Std[c];
            var high = (1 - spec.Mean[c]) / spec.Std[c];
            tensor[(c * size * size)..((c + 1) * size * size)].Should()
                .AllSatisfy(v => v.Should().BeInRange(low - 1e-5f, high + 1e-5f));
        }

        tensor.Distinct().Count().Should().BeGreaterThan(100, "a photograph is not flat");
    }

    [Fact]
    public void Rejections_pass_through()
    {
        var act = () => _preprocessor.Preprocess("not an image"u8, ModelInputSpec.ImageNet(224));

        act.Should().Throw<ImageRejectedException>().Which.Reason.Should().Be(ImageRejection.NotAnImage);
    }
}
