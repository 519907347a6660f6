using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triage.Imaging;
using Triage.Ml.Data;
using Triage.Ml.PadUfes20;
using Triage.Ml.Pretrained;
using Triage.Ml.Training;

namespace Triage.Ml.Experiments;

/// <summary>
/// Trains a teacher or a (distilled) student on one split of a PAD-UFES-20 folder and writes the best
/// weights, their description and a report of every epoch and the validation figures.
/// </summary>
public static class ExperimentRunner
{
    public static JsonObject Run(ExperimentRequest request, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var cases = PadUfes20Reader.Read(request.DataFolder);
        var split = FoldSplit.Of(cases, request.Folds, request.Fold);
        progress.WriteLine($"{request.Network.Kind}: {split.Training.Count} training and {split.Validation.Count} validation images " +
                           $"(fold {split.Fold + 1} of {split.Folds}), {request.Network.ImageSize} px.");

        var decoder = new ImageDecoder(ImageLimits.Default);
        var spec = ModelInputSpec.ImageNet(request.Network.ImageSize);
        using var trainingPhotos = LesionPhotoCache.Load(split.Training, request.Network.ImageSize * 3 / 2, decoder);
        using var validationPhotos = LesionPhotoCache.Load(split.Validation, request.Network.ImageSize, decoder);
        var training = new LesionBatches(split.Training, trainingPhotos, spec);
        var validation = new LesionBatches(split.Validation, validationPhotos, spec);
        var preprocessor = new ImagePreprocessor(decoder);

        using var network = request.Network.Create();
        if (request.PretrainedWeights is { } pretrained)
        {
            var imported = PretrainedWeights.Load(network, pretrained, spec);
            progress.WriteLine($"Pretrained: {imported.Copied} tensors from {Path.GetFileName(pretrained)}; " +
                               $"{imported.LeftToTrain.Count} left to train (head, attention, metadata), {imported.IgnoredImageNetHead.Count} ImageNet head tensors ignored.");
        }

        var teacherDescription = request.TeacherWeights is null ? null : NetworkFiles.ReadDescription(request.TeacherWeights);
        using var teacher = teacherDescription?.Create();
        if (teacher is not null)
        {
            teacher.load(request.TeacherWeights!);
        }

        var distillation = teacher is null
            ? null
            : new Distillation(teacher, teacherDescription!.PooledFeatureCount, request.Distillation ?? new DistillationWeights());
        var run = new NetworkTrainer(request.Training, progress).Train(network, training, validation, preprocessor, distillation, cancellationToken);

        NetworkFiles.Write(request.Output, run.BestWeightsPath, request.Network);
        var report = new JsonObject
        {
            ["network"] = JsonSerializer.SerializeToNode(request.Network),
            ["teacher"] = request.TeacherWeights,
            ["pretrained"] = request.PretrainedWeights is null ? null : Path.GetFileName(request.PretrainedWeights),
            ["distillation"] = distillation is null ? null : JsonSerializer.SerializeToNode(distillation.Weights),
            ["fold"] = request.Fold,
            ["folds"] = request.Folds,
            ["training_images"] = split.Training.Count,
            ["validation_images"] = split.Validation.Count,
            ["best_epoch"] = run.BestEpoch + 1,
            ["temperature"] = run.Temperature,
            ["seconds_per_epoch"] = run.History.Average(e => e.Seconds),
            ["total_seconds"] = clock.Elapsed.TotalSeconds,
            ["history"] = JsonSerializer.SerializeToNode(run.History),
            ["validation"] = ValidationReport.Create(network, split.Validation, validation, preprocessor, request.Training.BatchSize, run.Temperature),
        };
        File.WriteAllText(request.Output + ".json", report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        progress.WriteLine($"Wrote {request.Output} and {request.Output}.json in {clock.Elapsed:hh\\:mm\\:ss}.");
        return report;
    }
}
