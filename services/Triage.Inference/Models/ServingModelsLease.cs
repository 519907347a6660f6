namespace Triage.Inference.Models;

/// <summary>A request's hold on one <see cref="ServingGeneration"/>: its models stay open until the lease is disposed.</summary>
public sealed class ServingModelsLease : IDisposable
{
    private readonly ServingModelsHolder _holder;
    private int _disposed;

    internal ServingModelsLease(ServingModelsHolder holder, ServingGeneration generation)
    {
        _holder = holder;
        Generation = generation;
    }

    public ServingGeneration Generation { get; }

    public ServingModels Models => Generation.Models;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _holder.Release(Generation);
        }
    }
}
