namespace Triage.Inference.Batching;

/// <summary>
/// Configuration section <c>Inference:Batching</c>: requests waiting for the same model run as one tensor.
/// A batch starts when the first request arrives and closes when it holds <see cref="MaxBatchSize"/> requests
/// or <see cref="MaxWait"/> has passed; requests that arrive while a batch runs form the next one.
/// </summary>
public sealed class BatchingOptions
{
    /// <summary>At most this many cases per model run (1 to 256); 1 runs every case alone.</summary>
    public int MaxBatchSize { get; set; } = 8;

    /// <summary>How long a batch waits to fill after its first request (at most a second); zero takes only what is already waiting.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMilliseconds(5);
}
