using Triage.Imaging;
using Triage.Ml.Baseline;
using Triage.Ml.Onnx;
using Triage.Testing;

namespace Triage.Ml.Tests.Baseline;

public class ColourFeaturesTests
{
    /// <summary>Resized 300x300 RGBA photos, an original of 516x515 RGBA and one of 854x854 RGB.</summary>
    public static TheoryData<string> Images => new()
    {
        "PAT_1516_1765_530.png",
        "PAT_46_881_939.png",
        "PAT_106_159_325.png",
        "PAT_1185_679_115.png",
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Graph_computes_the_same_colour_features_as_csharp_on_real_photos(string imageId)
    {
        var spec = ModelInputSpec.ImageNet(64);
        var tensor = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default))
            .Preprocess(File.ReadAllBytes(TestPaths.PadUfes20Image(imageId)), spec);
        var expected = new float[ColourFeatures.Count];
        ColourFeatures.Compute(tensor, spec.Width, spec.Height, expected);

        var graph = new OnnxGraphBuilder("colour");
        graph.Input("image", null, 3, spec.Height, spec.Width);
        graph.Output(ColourFeatures.AddTo(graph, "image", spec.Width, spec.Height), null, ColourFeatures.Count);
        using var runner = new OrtRunner(graph.Build());
        var actual = runner.Run(
            new Dictionary<string, (float[], long[])> { ["image"] = (tensor, [1, 3, spec.Height, spec.Width]) },
            "colour_features")["colour_features"];

        actual.Should().HaveCount(ColourFeatures.Count);
        for (var i = 0; i < actual.Length; i++)
        {
            actual[i].Should().BeApproximately(expected[i], 1e-4f, $"feature {i} of {imageId}");
        }
    }

    [Fact]
    public void Features_are_channel_means_deviations_and_grid_cells()
    {
        const int size = 8;
        var image = new float[3 * size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                image[y * size + x] = x < size / 2 ? 0 : 2;     // red: left half 0, right half 2
                image[size * size + y * size + x] = 1;          // green: constant
                image[2 * size * size + y * size + x] = y;      // blue: the row number
            }
        }

        var features = new float[ColourFeatures.Count];
        ColourFeatures.Compute(image, size, size, features);

        features[..6].Should().Equal(1f, 1f, 3.5f, 1f, 0f, (float)Math.Sqrt(5.25));
        features.Skip(6).Take(4).Should().Equal(0f, 0f, 2f, 2f);                  // red, first grid row
        features.Skip(6 + 16).Take(16).Should().AllSatisfy(v => v.Should().Be(1f)); // green
        features.Skip(6 + 32).Where((_, i) => i % 4 == 0).Should().Equal(0.5f, 2.5f, 4.5f, 6.5f); // blue, first column
    }

    [Fact]
    public void A_size_that_the_grid_does_not_divide_is_refused()
    {
        var act = () => ColourFeatures.Compute(new float[3 * 30 * 30], 30, 30, new float[ColourFeatures.Count]);

        act.Should().Throw<ArgumentException>();
    }
}
