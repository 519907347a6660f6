using System.Diagnostics;
using System.Globalization;

namespace Triage.Host.Commands;

/// <summary>"images done / total, rate" on the error stream: rewritten in place on a terminal,
/// otherwise one line at most every few seconds and at the end.</summary>
internal sealed class EvaluationProgress(TextWriter writer, int total)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private readonly bool _inPlace = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastReport;

    public void Report(int done)
    {
        var elapsed = _clock.Elapsed;
        var finished = done >= total;
        if (!finished && !_inPlace && _lastReport is { } last && elapsed - last < Interval)
        {
            return;
        }

        _lastReport = elapsed;
        var rate = done / Math.Max(elapsed.TotalSeconds, 1e-3);
        var line = string.Create(CultureInfo.InvariantCulture, $"evaluate: {done}/{total} images, {rate:0.0} images/s");
        if (_inPlace)
        {
            writer.Write($"\r{line}{(finished ? Environment.NewLine : "")}");
        }
        else
        {
            writer.WriteLine(line);
        }
    }
}
