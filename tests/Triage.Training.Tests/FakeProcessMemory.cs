using Triage.Training.Memory;

namespace Triage.Training.Tests;

internal sealed class FakeProcessMemory(long megabytes) : IProcessMemory
{
    public long Megabytes { get; set; } = megabytes;

    public long ResidentBytes => Megabytes * 1024 * 1024;
}

/// <summary>A clock whose timers fire only when the test says so.</summary>
internal sealed class ManualTimers : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> _timers = [];

    public int Count => _timers.Count;

    public void FireAll()
    {
        foreach (var (callback, state) in _timers)
        {
            callback(state);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Add((callback, state));
        return new NeverFires();
    }

    private sealed class NeverFires : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
