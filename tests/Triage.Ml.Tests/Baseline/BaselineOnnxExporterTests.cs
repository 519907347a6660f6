using Triage.Domain.ClinicalFeatures;
using Triage.Ml.Baseline;
using Triage.Ml.Onnx;
using Triage.Ml.Training;

namespace Triage.Ml.Tests.Baseline;

public class BaselineOnnxExporterTests
{
    private const int Batch = 5;

    private static (float[] Images, float[] Metadata) RandomInputs(TestModelOptions options)
    {
        var random = new Random(7);
        var images = Enumerable.Range(0, Batch * 3 * options.InputWidth * options.InputHeight).Select(_ => random.NextSingle() * 4 - 2).ToArray();
        var metadata = Enumerable.Range(0, Batch * options.MetadataWidth).Select(_ => random.Next(2) * 1f).ToArray();
        return (images, metadata);
    }

    private static Dictionary<string, float[]> Run(TestModelOptions options)
    {
        using var runner = new OrtRunner(TestModels.Build(options));
        var (images, metadata) = RandomInputs(options);
        return runner.Run(
            new Dictionary<string, (float[], long[])>
            {
                ["image"] = (images, [Batch, 3, options.InputHeight, options.InputWidth]),
                ["metadata"] = (metadata, [Batch, options.MetadataWidth]),
            },
            "logits",
            "probabilities");
    }

    [Fact]
    public void Probabilities_of_each_case_sum_to_one()
    {
        var probabilities = Run(new TestModelOptions())["probabilities"];

        probabilities.Chunk(6).Should().HaveCount(Batch)
            .And.AllSatisfy(row => row.Sum().Should().BeApproximately(1f, 1e-5f));
    }

    [Theory]
    [InlineData(0.5f)]
    [InlineData(2f)]
    [InlineData(3.7f)]
    public void Probabilities_are_the_softmax_of_logits_over_the_temperature(float temperature)
    {
        var outputs = Run(new TestModelOptions { Temperature = temperature });
        var logits = Run(new TestModelOptions { Temperature = 1f })["logits"];

        outputs["logits"].Should().Equal(logits, "the temperature only scales the probabilities");
        var expected = logits.Chunk(6).SelectMany(row => SoftmaxRegression.Softmax(row.Select(l => (double)l / temperature).ToArray()));
        outputs["probabilities"].Zip(expected).Should().AllSatisfy(p => p.First.Should().BeApproximately((float)p.Second, 1e-5f));
    }

    [Fact]
    public void Graph_logits_equal_the_csharp_model()
    {
        var options = new TestModelOptions { InputWidth = 16, InputHeight = 24 };
        var model = TestModels.RandomBaseline(options);
        var (images, metadata) = RandomInputs(options);
        var graphLogits = Run(options)["logits"];

        var imageLength = 3 * 16 * 24;
        for (var i = 0; i < Batch; i++)
        {
            var colour = new float[ColourFeatures.Count];
            ColourFeatures.Compute(images.AsSpan(i * imageLength, imageLength), 16, 24, colour);
            float[] features = [.. colour, .. metadata.AsSpan(i * options.MetadataWidth, options.MetadataWidth)];
            var expected = BaselineFitting.Logits(model, features);
            graphLogits.Skip(i * 6).Take(6).Zip(expected).Should().AllSatisfy(p => p.First.Should().BeApproximately((float)p.Second, 1e-3f));
        }
    }

    [Fact]
    public void File_carries_every_contract_key()
    {
        var options = new TestModelOptions { InputWidth = 32, InputHeight = 48, Temperature = 1.25f };
        using var runner = new OrtRunner(TestModels.Build(options));

        runner.Metadata.Keys.Should().BeEquivalentTo(ModelDescription.Keys);
        runner.Metadata[ModelDescription.ClassOrderKey].Should().Be("ACK,BCC,MEL,NEV,SCC,SEK");
        runner.Metadata[ModelDescription.InputSizeKey].Should().Be("32x48");
        runner.Metadata[ModelDescription.NormalizationMeanKey].Should().Be("0.485,0.456,0.406");
        runner.Metadata[ModelDescription.FeatureEncodingKey].Should().Be(ClinicalFeatureEncoder.Version);
        runner.Metadata[ModelDescription.CalibrationTemperatureKey].Should().Be("1.25");
        runner.Inputs["image"].Dimensions.Should().Equal(-1, 3, 48, 32);
        runner.Inputs["metadata"].Dimensions.Should().Equal(-1, ClinicalFeatureEncoder.Width);
        runner.Outputs["probabilities"].Dimensions.Should().Equal(-1, 6);
    }

    [Fact]
    public void Broken_variants_break_what_they_say()
    {
        var missing = TestModels.Build(new TestModelOptions { OmitMetadataKey = ModelDescription.InputSizeKey });
        var overridden = TestModels.Build(new TestModelOptions
        {
            MetadataOverrides = new Dictionary<string, string> { [ModelDescription.ClassOrderKey] = "MEL" },
        });
        using var fiveClasses = new OrtRunner(TestModels.Build(new TestModelOptions { ClassCount = 5 }));
        using var fixedBatch = new OrtRunner(TestModels.Build(new TestModelOptions { FixedBatch = true }));

        missing.MetadataProps.Select(p => p.Key).Should().NotContain(ModelDescription.InputSizeKey).And.HaveCount(8);
        overridden.MetadataProps.Single(p => p.Key == ModelDescription.ClassOrderKey).Value.Should().Be("MEL");
        fiveClasses.Outputs["probabilities"].Dimensions.Should().Equal(-1, 5);
        fixedBatch.Inputs["image"].Dimensions[0].Should().Be(1);
    }
}
