using Triage.Ml.Training;

namespace Triage.Ml.Experiments;

/// <summary>One training run: which network, on which data and fold, how, and where its outputs go.</summary>
/// <param name="Output">The weights file; its report is written beside it as <c>Output.json</c>.</param>
/// <param name="TeacherWeights">For a student: distil from this teacher (its description beside it).</param>
/// <param name="PretrainedWeights">ImageNet weights for the image trunk before training (see <c>PretrainedWeights</c>); random initialisation when null.</param>
public sealed record ExperimentRequest(
    string DataFolder,
    string Output,
    NetworkDescription Network,
    TrainingOptions Training,
    int Folds = 5,
    int? Fold = null,
    string? TeacherWeights = null,
    DistillationWeights? Distillation = null,
    string? PretrainedWeights = null);
