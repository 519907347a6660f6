namespace Triage.Ml.Training;

/// <summary>The loss stopped being a finite number: the run is abandoned (its last checkpoint stays).</summary>
public sealed class TrainingDivergedException(int epoch, int batch)
    : InvalidOperationException($"The loss became infinite or NaN in epoch {epoch + 1}, batch {batch + 1}; lower the learning rate.");
