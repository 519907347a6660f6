namespace Triage.Ml.Training;

/// <summary>What one epoch did: mean loss terms, validation figures, time and memory.</summary>
public sealed record EpochRecord(
    int Epoch,
    IReadOnlyDictionary<string, double> Losses,
    double ValidationLoss,
    double ValidationAccuracy,
    double ValidationBalancedAccuracy,
    double ValidationWeightedF1,
    double Seconds,
    long WorkingSetBytes,
    bool Best);
