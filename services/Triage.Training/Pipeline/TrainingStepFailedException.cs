namespace Triage.Training.Pipeline;

/// <summary>A pipeline step that could not finish; the run fails with its name and reason and the champion stays.</summary>
public sealed class TrainingStepFailedException(string step, string reason, Exception? inner = null)
    : Exception($"Step '{step}' failed: {reason}", inner)
{
    public string Step { get; } = step;

    public string Reason { get; } = reason;
}
