namespace Triage.Inference.Models;

/// <summary>One case as the model takes it: the preprocessed CHW image and the encoded clinical features.</summary>
public readonly record struct ClassifierInput(float[] Image, float[] Metadata);
