namespace Triage.Training.Jobs;

/// <summary>The Hangfire queue training runs on; one worker serves it, so one run at a time per instance.</summary>
public static class TrainingQueue
{
    public const string Name = "training";

    /// <summary>Hangfire's distributed lock keeps instances sharing one storage from training at once; this
    /// attribute value is how long a run waits for it (six hours, a long teacher run).</summary>
    public const int LockTimeoutSeconds = 6 * 3600;
}
