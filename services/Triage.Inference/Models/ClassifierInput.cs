namespace Triage.Inference.Models;

/// <summary>One case as the model takes it: the preprocessed CHW image and the encoded clinical features.</summary>
public readonly record struct ClassifierInput(float[] Image, float[] Metadata);

/// <summary>What the model answered for one case: probabilities in the model's class order, and its attention map when it exports one.</summary>
public sealed record ClassifierOutput(float[] Probabilities, Triage.Contracts.AttentionMap? Attention);
