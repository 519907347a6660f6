using System.Globalization;
using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Imaging;
using Triage.Ml.Onnx;
using Triage.Ml.PadUfes20;
using Triage.Ml.Training;

namespace Triage.Ml.Baseline;

/// <summary>
/// Trains the baseline on a folder in the PAD-UFES-20 layout: patient-level cross-validation,
/// temperature fitted on held-out patients, then a final fit on every case, exported as ONNX.
/// </summary>
public static class BaselineTrainer
{
    public static Task<BaselineTrainingReport> RunAsync(string dataFolder, string outputPath, TextWriter log) =>
        RunAsync(dataFolder, outputPath, log, new BaselineTrainingOptions());

    public static async Task<BaselineTrainingReport> RunAsync(
        string dataFolder, string outputPath, TextWriter log, BaselineTrainingOptions options, CancellationToken cancellationToken = default)
    {
        var spec = ModelInputSpec.ImageNet(options.ImageSize);
        var cases = PadUfes20Reader.Read(dataFolder);
        var preprocessor = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default));
        var colour = await ColourFeatureExtraction.ComputeAsync(cases, spec, preprocessor, cancellationToken);
        var samples = cases.Zip(colour)
            .Where(p => p.Second is not null)
            .Select(p => new BaselineSample(p.First.PatientId, (int)p.First.Diagnosis, p.Second!, p.First.Features))
            .ToList();
        var patients = samples.Select(s => s.PatientId).Distinct().Count();
        await log.WriteLineAsync(Invariant(
            $"PAD-UFES-20 at {dataFolder}: {samples.Count} images of {patients} patients ({Counts(samples)}); {cases.Count - samples.Count} images rejected."));

        var description = new ModelDescription(
            options.ModelName, options.ModelVersion, BaselineModel.Architecture, spec, ClinicalFeatureEncoder.Version, 1f);
        var folds = PatientFolds.Assign(samples.Select(s => s.PatientId).ToList(), samples.Select(s => s.Label).ToList(), options.Folds, options.Seed);
        var crossValidation = BaselineCrossValidation.Run(samples, folds, options.Folds, description, options.Regression);
        await log.WriteLineAsync(Invariant($"Patient-level {options.Folds}-fold cross-validation, out-of-fold predictions pooled:"));
        await log.WriteLineAsync($"  {"condition",-20} {"n",5} {"accuracy",9} {"balanced",9} {"weighted F1",12}");
        foreach (var (condition, m) in crossValidation)
        {
            await log.WriteLineAsync(Invariant($"  {condition,-20} {m.N,5} {m.Accuracy,9:F3} {m.BalancedAccuracy,9:F3} {m.WeightedF1,12:F3}"));
        }

        // The floor every image model must beat: the same regression with the photo's colours withheld.
        var withoutColour = samples.Select(s => s with { Colour = new float[s.Colour.Length] }).ToList();
        var metadataOnly = BaselineCrossValidation.Run(withoutColour, folds, options.Folds, description, options.Regression);
        await log.WriteLineAsync("Metadata only (colour statistics withheld), same folds:");
        foreach (var (condition, m) in metadataOnly.Where(p => p.Key != "image only"))
        {
            await log.WriteLineAsync(Invariant($"  {condition,-20} {m.N,5} {m.Accuracy,9:F3} {m.BalancedAccuracy,9:F3} {m.WeightedF1,12:F3}"));
        }

        // The temperature is fitted on the patients of fold 0 with a model that never saw them.
        var heldOut = samples.Where((_, i) => folds[i] == 0).ToList();
        var calibrating = BaselineFitting.Fit(samples.Where((_, i) => folds[i] != 0).ToList(), description, options.Regression);
        var logits = heldOut.Select(s => BaselineFitting.Logits(calibrating, s.Features(MetadataVariant.AsRecorded))).ToList();
        var labels = heldOut.Select(s => s.Label).ToList();
        var temperature = TemperatureScaling.Fit(logits, labels);
        await log.WriteLineAsync(Invariant(
            $"Temperature {temperature:F3} on {heldOut.Count} held-out images: NLL {TemperatureScaling.NegativeLogLikelihood(logits, labels, 1):F3} at T=1, {TemperatureScaling.NegativeLogLikelihood(logits, labels, temperature):F3} at T."));

        var final = BaselineFitting.Fit(samples, description with { CalibrationTemperature = (float)temperature }, options.Regression);
        BaselineOnnxExporter.Write(final, outputPath);
        var bytes = new FileInfo(outputPath).Length;
        await log.WriteLineAsync(Invariant($"Wrote {outputPath} ({bytes} bytes), trained on all {samples.Count} images."));
        return new BaselineTrainingReport(samples.Count, patients, crossValidation, temperature, outputPath, bytes, metadataOnly);
    }

    private static string Counts(IReadOnlyList<BaselineSample> samples) =>
        string.Join(", ", Diagnoses.All.Select(d => $"{d.Code()} {samples.Count(s => s.Label == (int)d)}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
