using Triage.Inference.Models;

namespace Triage.Inference.Batching;

/// <summary>Runs every input alone, on the caller's thread: for evaluation and command-line use.</summary>
public sealed class ImmediateScheduler(TimeProvider time) : IClassificationScheduler
{
    public Task<ScheduledRun> ClassifyAsync(OnnxClassifier model, ClassifierInput input, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var output = model.ClassifyWithAttention([input])[0];
        return Task.FromResult(new ScheduledRun(output.Probabilities, time.GetElapsedTime(started).TotalMilliseconds, 1, output.Attention));
    }
}
