using System.Diagnostics;

namespace Triage.Host.Benchmarks;

/// <summary>
/// Times calls after a few untimed warm-up rounds (the first calls pay for allocation and kernel selection).
/// Several calls are timed in turns, one of each per round, so that whatever else the machine is doing
/// slows them alike and their ratio holds even when the absolute figures do not.
/// </summary>
public sealed class InferenceTimer(int warmUpRounds, int timedRounds)
{
    /// <returns>For each call, its times in milliseconds.</returns>
    public IReadOnlyList<double[]> TimeInTurns(IReadOnlyList<Action> calls)
    {
        for (var round = 0; round < warmUpRounds; round++)
        {
            foreach (var call in calls)
            {
                call();
            }
        }

        var milliseconds = calls.Select(_ => new double[timedRounds]).ToArray();
        for (var round = 0; round < timedRounds; round++)
        {
            for (var i = 0; i < calls.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                calls[i]();
                milliseconds[i][round] = clock.Elapsed.TotalMilliseconds;
            }
        }

        return milliseconds;
    }
}
