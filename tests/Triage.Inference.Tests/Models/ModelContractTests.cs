using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Inference.Models;
using Triage.Ml.Baseline;

namespace Triage.Inference.Tests.Models;

public class ModelContractTests
{
    [Fact]
    public void Reads_every_key_from_the_file()
    {
        var path = TestModelFiles.Write(new TestModelOptions
        {
            InputWidth = 32, InputHeight = 48, Temperature = 1.5f, Name = "student", Version = "2.1.0",
        });

        using var classifier = TestModelFiles.OpenOnCpu(path);

        var contract = classifier.Contract;
        contract.ModelName.Should().Be("student");
        contract.ModelVersion.Should().Be("2.1.0");
        contract.Architecture.Should().Be(BaselineModel.Architecture);
        contract.ClassOrder.Should().Equal(Diagnoses.All);
        contract.Input.Width.Should().Be(32);
        contract.Input.Height.Should().Be(48);
        contract.Input.Mean.Should().Equal(0.485f, 0.456f, 0.406f);
        contract.Input.Std.Should().Equal(0.229f, 0.224f, 0.225f);
        contract.FeatureEncoding.Should().Be(ClinicalFeatureEncoder.Version);
        contract.MetadataWidth.Should().Be(ClinicalFeatureEncoder.Width);
        contract.CalibrationTemperature.Should().Be(1.5f);
        contract.HasAttention.Should().BeFalse();
    }

    [Fact]
    public void Reads_the_keys_that_training_writes()
    {
        ModelMetadataKeys.All.Should().BeEquivalentTo(Triage.Ml.Onnx.ModelDescription.Keys);
    }

    [Fact]
    public void Another_encoding_may_have_another_width()
    {
        using var classifier = TestModelFiles.OpenOnCpu(TestModelFiles.Write(new TestModelOptions
        {
            FeatureEncoding = "other/v1", MetadataWidth = 10,
        }));

        classifier.Contract.MetadataWidth.Should().Be(10);
    }

    [Fact]
    public void Class_order_may_be_any_order_of_the_six()
    {
        using var classifier = TestModelFiles.OpenOnCpu(TestModelFiles.Write(new TestModelOptions
        {
            MetadataOverrides = new Dictionary<string, string> { [ModelMetadataKeys.ClassOrder] = "SEK,SCC,NEV,MEL,BCC,ACK" },
        }));

        classifier.Contract.ClassOrder.Should().Equal(Diagnoses.All.Reverse());
    }

    public static TheoryData<string, TestModelOptions, string> BrokenModels()
    {
        var data = new TheoryData<string, TestModelOptions, string>();
        foreach (var key in ModelMetadataKeys.All)
        {
            data.Add($"missing {key}", new TestModelOptions { OmitMetadataKey = key }, key);
        }

        void Override(string key, string value, string problem) => data.Add(
            $"{key} = '{value}'",
            new TestModelOptions { MetadataOverrides = new Dictionary<string, string> { [key] = value } },
            problem);

        Override(ModelMetadataKeys.ModelName, "  ", ModelMetadataKeys.ModelName);
        Override(ModelMetadataKeys.ClassOrder, "ACK,BCC,MEL,NEV,SCC", "six diagnoses");
        Override(ModelMetadataKeys.ClassOrder, "ACK,BCC,MEL,NEV,SCC,SCC", "six diagnoses");
        Override(ModelMetadataKeys.ClassOrder, "ACK,BCC,MEL,NEV,SCC,XYZ", "six diagnoses");
        Override(ModelMetadataKeys.InputSize, "big", ModelMetadataKeys.InputSize);
        Override(ModelMetadataKeys.InputSize, "0", ModelMetadataKeys.InputSize);
        Override(ModelMetadataKeys.InputSize, "64", "[N,3,64,64] was declared");
        Override(ModelMetadataKeys.InputSize, "32x64", "[N,3,64,32] was declared");
        Override(ModelMetadataKeys.NormalizationMean, "0.5,0.5", ModelMetadataKeys.NormalizationMean);
        Override(ModelMetadataKeys.NormalizationStd, "0.2,0,0.2", ModelMetadataKeys.NormalizationStd);
        Override(ModelMetadataKeys.CalibrationTemperature, "0", ModelMetadataKeys.CalibrationTemperature);
        Override(ModelMetadataKeys.CalibrationTemperature, "-1", ModelMetadataKeys.CalibrationTemperature);
        Override(ModelMetadataKeys.CalibrationTemperature, "NaN", ModelMetadataKeys.CalibrationTemperature);
        Override(ModelMetadataKeys.CalibrationTemperature, "warm", ModelMetadataKeys.CalibrationTemperature);
        data.Add("metadata width", new TestModelOptions { MetadataWidth = 10 }, $"{ClinicalFeatureEncoder.Width}");
        data.Add("five classes", new TestModelOptions { ClassCount = 5 }, "[N,6] was expected");
        data.Add("fixed batch", new TestModelOptions { FixedBatch = true }, "batch must be dynamic");
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public void Refuses_a_broken_file(string broken, TestModelOptions options, string problem)
    {
        var path = TestModelFiles.Write(options);

        var open = () => TestModelFiles.OpenOnCpu(path);

        open.Should().Throw<ModelContractException>(broken)
            .Which.Message.Should().Contain(path).And.Contain(problem);
    }
}
