using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Triage.Ml.Experiments;
using Triage.Ml.Models;
using Triage.Ml.Training;

namespace Triage.Training.Pipeline;

/// <summary>Trains the teacher or distils the student on a corpus folder with the same runner the command-line verbs use.</summary>
public sealed class NetworkTraining(IOptions<PipelineOptions> options)
{
    /// <summary>The teacher a run trains when it retrains one.</summary>
    public NetworkDescription Teacher =>
        new(NetworkDescription.Teacher, ConvNeXtVariant.Parse(options.Value.TeacherVariant).Name, UseMetadata: true, options.Value.ImageSize);

    public NetworkDescription Student => new(NetworkDescription.Student, null, UseMetadata: true, options.Value.ImageSize);

    public Task<JsonObject> TrainTeacher(string corpusFolder, string weights, TextWriter progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return Run(new ExperimentRequest(corpusFolder, weights, Teacher, Training(weights, settings.TeacherEpochs), settings.ValidationFolds), progress, cancellationToken);
    }

    public Task<JsonObject> DistilStudent(string corpusFolder, string weights, string teacherWeights, TextWriter progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var distillation = new DistillationWeights(
            Logits: settings.LogitsWeight, Features: settings.FeaturesWeight, Attention: settings.AttentionWeight, Temperature: settings.DistillationTemperature);
        return Run(
            new ExperimentRequest(corpusFolder, weights, Student, Training(weights, settings.StudentEpochs), settings.ValidationFolds, null, teacherWeights, distillation),
            progress,
            cancellationToken);
    }

    private TrainingOptions Training(string weights, int epochs)
    {
        var settings = options.Value;
        return new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = settings.BatchSize,
            ImageSize = settings.ImageSize,
            Patience = settings.Patience,
            Threads = settings.Threads,
            WarmupEpochs = Math.Min(2, epochs - 1),
            MaxBatchesPerEpoch = settings.MaxBatchesPerEpoch,
            CheckpointFolder = weights + ".checkpoints",
        };
    }

    /// <summary>Training is long and CPU-bound: it gets a thread of its own rather than one of the pool's.</summary>
    private static Task<JsonObject> Run(ExperimentRequest request, TextWriter progress, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => ExperimentRunner.Run(request, progress, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
