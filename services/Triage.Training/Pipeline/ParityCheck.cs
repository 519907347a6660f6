using Triage.Domain.ClinicalFeatures;
using Triage.Ml.Experiments;
using Triage.Training.Corpus;
using static TorchSharp.torch;

namespace Triage.Training.Pipeline;

/// <summary>The largest difference in any probability between ONNX Runtime and TorchSharp on the same photos.</summary>
public sealed record ParityResult(int Images, double MaxProbabilityDifference, double Tolerance)
{
    public bool Passed => MaxProbabilityDifference <= Tolerance;
}

/// <summary>
/// Runs real photos through the exported ONNX file (as inference would) and through the trained TorchSharp
/// network in evaluation mode with the same calibration temperature, and compares the probabilities.
/// </summary>
public sealed class ParityCheck(OnnxCaseClassifier classifier)
{
    public ParityResult Measure(string weights, string onnxPath, IReadOnlyList<LabelledCase> photos, double tolerance, CancellationToken cancellationToken)
    {
        if (photos.Count == 0)
        {
            throw new TrainingStepFailedException("parity", "no photo to compare the runtimes on.");
        }

        using var model = classifier.Open(onnxPath);
        var onnx = classifier.Classify(model, photos, cancellationToken);
        var spec = model.Contract.Input;
        float[] images = [.. photos.SelectMany(c => classifier.Image(c, spec))];
        float[] metadata = [.. photos.SelectMany(c => ClinicalFeatureEncoder.Encode(c.Case.Features))];

        using var network = NetworkFiles.ReadDescription(weights).Create();
        network.load(weights);
        network.eval();
        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        var output = network.call(
            tensor(images, [photos.Count, 3, spec.Height, spec.Width]),
            tensor(metadata, [photos.Count, ClinicalFeatureEncoder.Width]));
        var eager = nn.functional.softmax(output.Logits / model.Contract.CalibrationTemperature, 1).contiguous().data<float>().ToArray();
        var difference = onnx.SelectMany(p => p).Zip(eager, (a, b) => Math.Abs((double)a - b)).Max();
        return new ParityResult(photos.Count, difference, tolerance);
    }
}
