namespace Triage.Inference.Models;

/// <summary>
/// One loaded set of <see cref="ServingModels"/> and who holds it: the <see cref="ServingModelsHolder"/> while it
/// is current, and every request that took it. The models are disposed when the last of them lets go.
/// </summary>
public sealed class ServingGeneration
{
    private int _references = 1;

    internal ServingGeneration(ServingModels models, int number, DateTimeOffset loadedAt)
    {
        Models = models;
        Number = number;
        LoadedAt = loadedAt;
    }

    public ServingModels Models { get; }

    /// <summary>1 for the models loaded at start, then one more for each swap.</summary>
    public int Number { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>True once nobody holds the generation and its sessions are closed.</summary>
    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>False when the generation is already disposed: it may not be used again.</summary>
    internal bool TryAddReference()
    {
        var references = Volatile.Read(ref _references);
        while (references > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, references + 1, references);
            if (seen == references)
            {
                return true;
            }

            references = seen;
        }

        return false;
    }

    /// <returns>True when this was the last reference and the models are now disposed.</returns>
    internal bool Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left < 0)
        {
            throw new InvalidOperationException($"Serving generation {Number} was released more often than it was taken.");
        }

        if (left > 0)
        {
            return false;
        }

        Models.Dispose();
        return true;
    }
}
