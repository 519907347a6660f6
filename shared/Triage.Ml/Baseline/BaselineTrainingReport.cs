using Triage.Ml.Evaluation;

namespace Triage.Ml.Baseline;

/// <summary>
/// What a training run measured: out-of-fold metrics per metadata condition, the same for the
/// metadata-only floor (colour statistics withheld), and the fitted temperature.
/// </summary>
public sealed record BaselineTrainingReport(
    int Images,
    int Patients,
    IReadOnlyDictionary<string, ClassificationMetrics> CrossValidation,
    double Temperature,
    string ModelPath,
    long ModelBytes,
    IReadOnlyDictionary<string, ClassificationMetrics> MetadataOnly);
