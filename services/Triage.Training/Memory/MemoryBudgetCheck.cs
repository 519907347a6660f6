using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Triage.Ml.Experiments;
using Triage.Training.Pipeline;

namespace Triage.Training.Memory;

/// <summary>
/// Before anything is trained: the process's resident memory now plus what the run is estimated to add must stay
/// within <see cref="PipelineOptions.MaxMemoryMegabytes"/>, or the run is refused with the figures.
/// </summary>
public sealed class MemoryBudgetCheck(NetworkTraining training, IProcessMemory memory, IOptions<PipelineOptions> options)
{
    public const string Step = "memory";

    /// <param name="registeredTeacherWeights">The teacher the run distils from without retraining it; null when it trains one.</param>
    /// <exception cref="TrainingStepFailedException">The estimate is over the bound.</exception>
    public JsonObject Check(int trainingSideCases, string? registeredTeacherWeights)
    {
        var teacher = registeredTeacherWeights is null ? training.Teacher : NetworkFiles.ReadDescription(registeredTeacherWeights);
        var estimate = TrainingMemoryEstimate.For(
            trainingSideCases, options.Value.ImageSize, trainsTeacher: registeredTeacherWeights is null, NetworkParameters.Of(teacher), NetworkParameters.Of(training.Student));
        var resident = memory.ResidentBytes;
        var limit = options.Value.MaxMemoryMegabytes;
        var figures = new JsonObject
        {
            ["resident_mb"] = Megabytes.Of(resident),
            ["estimate_mb"] = Megabytes.Of(estimate.PeakBytes),
            ["photo_cache_mb"] = Megabytes.Of(estimate.PhotoCacheBytes),
            ["teacher_step_mb"] = Megabytes.Of(estimate.TeacherStepBytes),
            ["distil_step_mb"] = Megabytes.Of(estimate.DistilStepBytes),
            ["limit_mb"] = limit,
        };
        if (limit is { } megabytes && resident + estimate.PeakBytes > megabytes * Megabytes.Bytes)
        {
            throw new TrainingStepFailedException(Step,
                $"the run would take the process to about {Megabytes.Of(resident + estimate.PeakBytes)} MB resident " +
                $"({Megabytes.Of(resident)} MB now + {Megabytes.Of(estimate.PeakBytes)} MB estimated: photo cache {Megabytes.Of(estimate.PhotoCacheBytes)} MB, " +
                $"networks with optimiser state {Megabytes.Of(estimate.PeakBytes - estimate.PhotoCacheBytes)} MB), " +
                $"over {PipelineOptions.SectionName}:{nameof(PipelineOptions.MaxMemoryMegabytes)} = {megabytes} MB; nothing was trained.");
        }

        return figures;
    }
}
