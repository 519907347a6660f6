using Triage.Ml.Baseline;
using Triage.Ml.Onnx;
using Triage.Testing;

namespace Triage.Ml.Tests.Baseline;

public class BaselineTrainerTests
{
    private static readonly BaselineTrainingOptions SmallRun = new() { ImageSize = 32, Folds = 3 };

    [Fact]
    public async Task Trains_reports_and_exports_a_model_that_meets_the_contract()
    {
        var data = TestData.Subset("baseline-data", rowsWithImage: 48, rowsWithoutImage: 5);
        var output = Path.Combine(TestPaths.NewTempFolder("baseline-model"), "baseline.onnx");
        var log = new StringWriter();

        var report = await BaselineTrainer.RunAsync(data, output, log, SmallRun);

        report.Images.Should().Be(48);
        report.CrossValidation.Keys.Should().Equal(BaselineCrossValidation.Conditions.Select(c => c.Name));
        report.CrossValidation["as recorded"].N.Should().Be(48);
        report.CrossValidation.Values.Should().AllSatisfy(m => m.WeightedF1.Should().BeInRange(0, 1));
        report.Temperature.Should().BeInRange(0.05, 20);
        log.ToString().Should().Contain("cross-validation").And.Contain("Temperature").And.Contain(output);

        using var runner = new OrtRunner(OnnxModelFile.Read(output));
        runner.Metadata.Keys.Should().BeEquivalentTo(ModelDescription.Keys);
        runner.Metadata[ModelDescription.NameKey].Should().Be("baseline");
        runner.Metadata[ModelDescription.InputSizeKey].Should().Be("32");
        runner.Inputs["image"].Dimensions.Should().Equal(-1, 3, 32, 32);
    }

    [Fact]
    public async Task The_same_data_gives_the_same_file()
    {
        var data = TestData.Subset("baseline-repeat", rowsWithImage: 30);
        var folder = TestPaths.NewTempFolder("baseline-repeat-model");

        await BaselineTrainer.RunAsync(data, Path.Combine(folder, "a.onnx"), TextWriter.Null, SmallRun);
        await BaselineTrainer.RunAsync(data, Path.Combine(folder, "b.onnx"), TextWriter.Null, SmallRun);

        File.ReadAllBytes(Path.Combine(folder, "b.onnx")).Should().Equal(File.ReadAllBytes(Path.Combine(folder, "a.onnx")));
    }
}
