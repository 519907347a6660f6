using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Training.Pipeline;

namespace Triage.Training.Memory;

/// <summary>
/// While a run goes, samples the process's resident memory every <see cref="PipelineOptions.MemoryCheckInterval"/>;
/// over <see cref="PipelineOptions.MaxMemoryMegabytes"/>, it cancels the run's token (the trainer stops between
/// batches) and keeps the reason, so that the run is recorded as failed rather than cancelled. One per run (scoped).
/// </summary>
public sealed class ResidentMemoryWatch(IProcessMemory memory, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<ResidentMemoryWatch> logger)
    : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stop;
    private ITimer? _timer;
    private volatile string? _overrun;

    /// <summary>Why the run was stopped; null while memory has stayed within the bound.</summary>
    public string? Overrun => _overrun;

    /// <returns>The run's token, also cancelled when memory goes over the bound.</returns>
    public CancellationToken Start(CancellationToken run)
    {
        lock (_gate)
        {
            if (_stop is not null)
            {
                throw new InvalidOperationException("The watch already watches a run.");
            }

            _stop = CancellationTokenSource.CreateLinkedTokenSource(run);
            if (options.Value.MaxMemoryMegabytes is not null)
            {
                var interval = options.Value.MemoryCheckInterval;
                _timer = clock.CreateTimer(_ => Check(), null, interval, interval);
            }

            return _stop.Token;
        }
    }

    /// <summary>One sample: stops the run when the process is over the bound.</summary>
    public void Check()
    {
        CancellationTokenSource stop;
        lock (_gate)
        {
            if (_stop is null || _overrun is not null || options.Value.MaxMemoryMegabytes is not { } limit)
            {
                return;
            }

            var resident = memory.ResidentBytes;
            if (resident <= limit * Megabytes.Bytes)
            {
                return;
            }

            _overrun = $"the process reached {Megabytes.Of(resident)} MB resident while training, over " +
                       $"{PipelineOptions.SectionName}:{nameof(PipelineOptions.MaxMemoryMegabytes)} = {limit} MB; the run was stopped.";
            logger.MemoryBoundExceeded(Megabytes.Of(resident), limit);
            stop = _stop;
        }

        // Outside the lock: cancelling runs the token's callbacks on this thread.
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended between the sample and the cancel.
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _stop?.Dispose();
            (_timer, _stop) = (null, null);
        }
    }
}
