using System.ComponentModel.DataAnnotations;

namespace Triage.Training.Pipeline;

/// <summary>How the training pipeline trains, checks and stores its models (section <c>Training:Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Training:Pipeline";

    /// <summary>Each run writes its corpus, weights, ONNX files and reports under <c>ArtefactFolder/run-N</c>.</summary>
    [Required]
    public string ArtefactFolder { get; set; } = "runs/training";

    /// <summary>ConvNeXt variant of the teacher: atto, femto, pico, nano or tiny.</summary>
    [Required]
    public string TeacherVariant { get; set; } = "atto";

    [Range(16, 512)]
    public int ImageSize { get; set; } = 96;

    [Range(1, 1000)]
    public int TeacherEpochs { get; set; } = 20;

    [Range(1, 1000)]
    public int StudentEpochs { get; set; } = 20;

    [Range(1, 512)]
    public int BatchSize { get; set; } = 16;

    [Range(1, 1000)]
    public int Patience { get; set; } = 6;

    /// <summary>Cap on batches per epoch, for smoke runs; null trains on every batch.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxBatchesPerEpoch { get; set; }

    /// <summary>Torch threads while training, so serving on the same machine keeps its cores.</summary>
    [Range(1, 256)]
    public int Threads { get; set; } = 1;

    /// <summary>
    /// Resident memory, in MB, that the whole process (serving included) may reach while a run trains; null: no bound.
    /// A run whose estimate would take the process over it is refused; a run that goes over it is stopped.
    /// </summary>
    [Range(64, 1_048_576)]
    public int? MaxMemoryMegabytes { get; set; }

    /// <summary>How often resident memory is sampled during a run when <see cref="MaxMemoryMegabytes"/> is set.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan MemoryCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Folds of the non-evaluation cases; one validates (early stopping and the calibration temperature).</summary>
    [Range(2, 20)]
    public int ValidationFolds { get; set; } = 5;

    public double LogitsWeight { get; set; } = 1;

    public double FeaturesWeight { get; set; } = 1;

    public double AttentionWeight { get; set; } = 100;

    public double DistillationTemperature { get; set; } = 4;

    /// <summary>Photos of the frozen set both runtimes classify for the parity check.</summary>
    [Range(1, 64)]
    public int ParityImages { get; set; } = 4;

    /// <summary>The largest difference in any probability ONNX Runtime and TorchSharp may show.</summary>
    [Range(0.0, 1.0)]
    public double ParityTolerance { get; set; } = 1e-4;
}
