using Triage.Inference.Models;

namespace Triage.Inference.Batching;

/// <summary>Decides when a case's input runs through a model: alone at once, or with others as one batch.</summary>
public interface IClassificationScheduler
{
    /// <returns>The model's probabilities for this input, in the model's class order, and how the run went.</returns>
    Task<ScheduledRun> ClassifyAsync(OnnxClassifier model, ClassifierInput input, CancellationToken cancellationToken);
}

/// <param name="Milliseconds">How long the model ran on the batch this input was part of.</param>
/// <param name="BatchSize">How many inputs that run held.</param>
/// <param name="Attention">The input's attention map, when the model exports one.</param>
public sealed record ScheduledRun(float[] Probabilities, double Milliseconds, int BatchSize, Triage.Contracts.AttentionMap? Attention = null);
