using Microsoft.Extensions.Logging;

namespace Triage.Inference.Models;

/// <summary>
/// The generation of models that serves now. A request takes a lease once and is answered wholly by that
/// generation; <see cref="Swap"/> makes another current at once, and the old one is disposed only when the
/// last request that took it has finished.
/// </summary>
public sealed class ServingModelsHolder : IDisposable
{
    private readonly Lock _swap = new();
    private readonly TimeProvider _time;
    private readonly ILogger<ServingModelsHolder> _logger;
    private ServingGeneration _current;
    private bool _disposed;

    public ServingModelsHolder(ServingModels initial, TimeProvider time, ILogger<ServingModelsHolder> logger)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _time = time;
        _logger = logger;
        _current = new ServingGeneration(initial, 1, time.GetUtcNow());
    }

    /// <exception cref="ObjectDisposedException">The holder is shutting down.</exception>
    public ServingModelsLease Acquire()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
            var generation = Volatile.Read(ref _current);
            if (generation.TryAddReference())
            {
                return new ServingModelsLease(this, generation);
            }
        }
    }

    /// <summary>Makes <paramref name="next"/> current; the holder owns it from now on.</summary>
    /// <exception cref="ObjectDisposedException">The holder is shutting down; <paramref name="next"/> is disposed.</exception>
    public ServingGeneration Swap(ServingModels next)
    {
        ArgumentNullException.ThrowIfNull(next);
        ServingGeneration previous;
        ServingGeneration generation;
        lock (_swap)
        {
            if (_disposed)
            {
                next.Dispose();
                throw new ObjectDisposedException(nameof(ServingModelsHolder));
            }

            previous = _current;
            generation = new ServingGeneration(next, previous.Number + 1, _time.GetUtcNow());
            Volatile.Write(ref _current, generation);
        }

        Release(previous);
        return generation;
    }

    public void Dispose()
    {
        lock (_swap)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _disposed, true);
        }

        Release(_current);
    }

    internal void Release(ServingGeneration generation)
    {
        if (generation.Release())
        {
            _logger.GenerationRetired(generation.Number);
        }
    }
}
