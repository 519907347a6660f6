namespace Triage.Data;

/// <summary>Wakes a background dispatcher right after a commit that gave it work, instead of at its next poll.</summary>
public abstract class WakeUpSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up handles everything pending.
        }
    }

    /// <summary>Waits for a <see cref="Notify"/> or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
