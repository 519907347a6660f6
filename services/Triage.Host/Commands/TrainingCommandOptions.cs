using System.CommandLine;
using Triage.Ml.Data;
using Triage.Ml.PadUfes20;
using Triage.Ml.Training;

namespace Triage.Host.Commands;

/// <summary>The options <c>train-teacher</c> and <c>distill</c> share, and the training settings they make.</summary>
internal sealed class TrainingCommandOptions
{
    public Option<DirectoryInfo> Data { get; } = new("--data") { Description = "A folder in the PAD-UFES-20 layout (metadata.csv and images/).", Required = true };
    public Option<FileInfo> Output { get; } = new("--out") { Description = "The weights file to write; its report goes to OUT.json.", Required = true };
    public Option<int> ImageSize { get; } = new("--image-size") { Description = "Input size in pixels.", DefaultValueFactory = _ => 224 };
    public Option<int> Epochs { get; } = new("--epochs") { DefaultValueFactory = _ => 30 };
    public Option<int> BatchSize { get; } = new("--batch-size") { DefaultValueFactory = _ => 16 };
    public Option<double> LearningRate { get; } = new("--learning-rate") { DefaultValueFactory = _ => 1e-3 };
    public Option<int> Patience { get; } = new("--patience") { Description = "Epochs without a better validation weighted F1 before stopping.", DefaultValueFactory = _ => 8 };
    public Option<int> Folds { get; } = new("--folds") { DefaultValueFactory = _ => 5 };
    public Option<int?> Fold { get; } = new("--fold") { Description = "Cross-validation: validate on this fold (0-based), train on the others. Without it fold 0 only validates." };
    public Option<bool> NoMetadata { get; } = new("--no-metadata") { Description = "Image only: no metadata branch." };
    public Option<bool> Balanced { get; } = new("--balanced") { Description = "Class-balanced sampling instead of shuffling." };
    public Option<int> Threads { get; } = new("--threads") { DefaultValueFactory = _ => 2 };
    public Option<int> Seed { get; } = new("--seed") { DefaultValueFactory = _ => 20 };
    public Option<FileInfo?> Pretrained { get; } = new("--pretrained")
    {
        Description = "ImageNet weights for the image trunk before training: a PyTorch state dict (.pt/.pth/.bin) or .safetensors with torchvision/timm names, " +
                      "or for --backbone resnet18-mlnet the ResNet18.onnx of the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 (tools/DnnImageModels/ResNet18Onnx).",
    };
    public Option<int?> MaxBatches { get; } = new("--max-batches") { Description = "At most this many batches per epoch (smoke runs)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, Output, ImageSize, Epochs, BatchSize, LearningRate, Patience, Folds, Fold, NoMetadata, Balanced, Threads, Seed, Pretrained, MaxBatches })
        {
            command.Add(option);
        }
    }

    public TrainingOptions TrainingFrom(ParseResult parse) => new()
    {
        Epochs = parse.GetValue(Epochs),
        BatchSize = parse.GetValue(BatchSize),
        ImageSize = parse.GetValue(ImageSize),
        LearningRate = parse.GetValue(LearningRate),
        Patience = parse.GetValue(Patience),
        Threads = parse.GetValue(Threads),
        Seed = parse.GetValue(Seed),
        Sampling = parse.GetValue(Balanced) ? CaseSampling.ClassBalanced : CaseSampling.Shuffled,
        MaxBatchesPerEpoch = parse.GetValue(MaxBatches),
        CheckpointFolder = parse.GetRequiredValue(Output).FullName + ".checkpoints",
    };

    /// <summary>Null when the data folder is usable, else why not.</summary>
    public string? ProblemWithData(ParseResult parse) =>
        PadUfes20Reader.ProblemWith(parse.GetRequiredValue(Data).FullName)
        ?? (parse.GetValue(Pretrained) is { Exists: false } missing ? $"The pretrained weights file {missing.FullName} does not exist." : null);

    public string? PretrainedFrom(ParseResult parse) => parse.GetValue(Pretrained)?.FullName;
}
