namespace Triage.Ml.Training;

/// <summary>The outcome of training one network: every epoch, the best one, and the fitted temperature.</summary>
public sealed record TrainingRun(
    IReadOnlyList<EpochRecord> History,
    int BestEpoch,
    double BestWeightedF1,
    double Temperature,
    string BestWeightsPath,
    ValidationPass BestValidation);
