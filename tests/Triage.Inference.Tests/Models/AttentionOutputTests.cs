using Triage.Domain.ClinicalFeatures;
using Triage.Imaging;
using Triage.Inference.Models;
using Triage.Testing;

namespace Triage.Inference.Tests.Models;

public class AttentionOutputTests
{
    private static string ReleasedStudent => Path.Combine(TestPaths.RepositoryRoot, "deploy", "models", "student.onnx");

    [Fact]
    public void A_model_that_exports_attention_answers_with_one_map_per_case_beside_the_same_probabilities()
    {
        using var classifier = TestModelFiles.OpenOnCpu(ReleasedStudent);
        var preprocessor = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default));
        ClassifierInput[] inputs =
        [
            new(preprocessor.Preprocess(File.ReadAllBytes(TestPaths.PadUfes20Image("PAT_46_881_939.png")), classifier.Contract.Input), ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty)),
            new(preprocessor.Preprocess(File.ReadAllBytes(TestImages.RealImagePaths()[1]), classifier.Contract.Input), ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty)),
        ];

        var outputs = classifier.ClassifyWithAttention(inputs);

        classifier.Contract.HasAttention.Should().BeTrue();
        outputs.Should().HaveCount(2);
        foreach (var (output, probabilities) in outputs.Zip(classifier.Classify(inputs)))
        {
            output.Probabilities.Should().Equal(probabilities);
            var map = output.Attention!;
            (map.Height, map.Width).Should().Be((3, 3), "96 px over the network's stride of 32");
            map.Values.Should().HaveCount(9).And.OnlyContain(v => v >= 0 && v <= 1 + 1e-6);
        }

        outputs[0].Attention!.Values.Should().NotEqual(outputs[1].Attention!.Values, "each case gets its own map");
    }

    [Fact]
    public void A_model_without_an_attention_output_answers_without_a_map()
    {
        using var classifier = TestModelFiles.OpenOnCpu(TestModelFiles.BundledBaseline);
        var input = new ClassifierInput(new float[classifier.Contract.Input.TensorLength], ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty));

        classifier.ClassifyWithAttention([input])[0].Attention.Should().BeNull();
    }
}
