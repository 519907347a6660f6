using Triage.Ml.Data;

namespace Triage.Ml.Training;

/// <summary>How a network is trained: optimiser, schedule, stopping, data handling and where checkpoints go.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 30;
    public int BatchSize { get; init; } = 16;
    public int ImageSize { get; init; } = 224;

    /// <summary>AdamW peak learning rate and weight decay.</summary>
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 0.05;
    public int WarmupEpochs { get; init; } = 2;

    /// <summary>Gradients are scaled down to at most this global L2 norm before each step.</summary>
    public double GradientClipNorm { get; init; } = 2.0;

    /// <summary>Stop after this many epochs without a better validation weighted F1.</summary>
    public int Patience { get; init; } = 8;

    public int Seed { get; init; } = 20;

    /// <summary>Torch threads (intra-op); the rest of the machine keeps serving.</summary>
    public int Threads { get; init; } = 2;

    public CaseSampling Sampling { get; init; } = CaseSampling.Shuffled;
    public AugmentationOptions Augmentation { get; init; } = AugmentationOptions.Default;
    public MetadataDropout MetadataDropout { get; init; } = new();
    public double FocalGamma { get; init; } = 2.0;

    /// <summary>Where the last and best checkpoints are written; training resumes from the last one found there.</summary>
    public required string CheckpointFolder { get; init; }

    /// <summary>For short runs (tests, smoke checks): at most this many batches per epoch.</summary>
    public int? MaxBatchesPerEpoch { get; init; }
}
