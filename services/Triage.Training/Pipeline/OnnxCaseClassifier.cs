using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Imaging;
using Triage.Inference.Models;
using Triage.Training.Corpus;

namespace Triage.Training.Pipeline;

/// <summary>Classifies labelled cases with an ONNX model exactly as the inference service does (same preprocessing,
/// feature encoding and <see cref="OnnxClassifier"/>), probabilities in <see cref="Diagnoses.All"/> order.</summary>
public sealed class OnnxCaseClassifier(ExecutionProviderSelector providers, ImagePreprocessor preprocessor)
{
    private const int BatchSize = 16;

    public OnnxClassifier Open(string modelPath) => OnnxClassifier.Open(modelPath, ExecutionProviderPreference.Cpu, providers);

    public float[] Image(LabelledCase labelled, ModelInputSpec spec) => preprocessor.Preprocess(File.ReadAllBytes(labelled.Case.ImagePath), spec);

    public IReadOnlyList<float[]> Classify(OnnxClassifier classifier, IReadOnlyList<LabelledCase> cases, CancellationToken cancellationToken)
    {
        var columns = Diagnoses.All.Select(d => classifier.Contract.ClassOrder.ToList().IndexOf(d)).ToArray();
        var probabilities = new List<float[]>(cases.Count);
        foreach (var batch in cases.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inputs = batch.Select(c => new ClassifierInput(Image(c, classifier.Contract.Input), ClinicalFeatureEncoder.Encode(c.Case.Features))).ToList();
            probabilities.AddRange(classifier.Classify(inputs).Select(p => columns.Select(k => p[k]).ToArray()));
        }

        return probabilities;
    }
}
