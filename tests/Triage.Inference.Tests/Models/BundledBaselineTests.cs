using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Imaging;
using Triage.Inference.Models;
using Triage.Testing;

namespace Triage.Inference.Tests.Models;

public class BundledBaselineTests
{
    [Fact]
    public void The_released_baseline_meets_the_contract_and_classifies_a_real_photo()
    {
        using var classifier = TestModelFiles.OpenOnCpu(TestModelFiles.BundledBaseline);

        var contract = classifier.Contract;
        contract.ModelName.Should().Be("baseline");
        contract.ClassOrder.Should().Equal(Diagnoses.All);
        contract.FeatureEncoding.Should().Be(ClinicalFeatureEncoder.Version);
        contract.MetadataWidth.Should().Be(ClinicalFeatureEncoder.Width);
        contract.Input.Width.Should().Be(64);
        contract.CalibrationTemperature.Should().BeInRange(0.05f, 20f);
        new FileInfo(TestModelFiles.BundledBaseline).Length.Should().BeLessThan(64 * 1024);

        var image = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default))
            .Preprocess(File.ReadAllBytes(TestPaths.PadUfes20Image("PAT_46_881_939.png")), contract.Input);
        var features = ClinicalFeatureSet.Empty
            .With(ClinicalFeatureCatalogue.Age, FeatureValue.Of(55))
            .With(ClinicalFeatureCatalogue.Region, FeatureValue.OfCategory("NECK"));
        var probabilities = classifier.Classify([new ClassifierInput(image, ClinicalFeatureEncoder.Encode(features))])[0];

        probabilities.Should().HaveCount(6).And.AllSatisfy(p => p.Should().BeInRange(0f, 1f));
        probabilities.Sum().Should().BeApproximately(1f, 1e-5f);
    }
}
