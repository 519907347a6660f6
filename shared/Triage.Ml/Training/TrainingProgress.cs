namespace Triage.Ml.Training;

/// <summary>Progress lines for people watching a run: loss terms, validation figures, time left.</summary>
internal static class TrainingProgress
{
    private const int BatchReportEvery = 5;

    public static void Batch(TextWriter progress, int epoch, int epochs, int batch, int batches, IReadOnlyDictionary<string, double> sums, TimeSpan elapsed)
    {
        if (batch % BatchReportEvery != 0 && batch != batches)
        {
            return;
        }

        var left = TimeSpan.FromSeconds(elapsed.TotalSeconds / batch * (batches - batch));
        progress.WriteLine($"  epoch {epoch + 1}/{epochs} batch {batch}/{batches}  {Terms(sums, batch)}  epoch left {left:mm\\:ss}");
    }

    public static void Epoch(TextWriter progress, EpochRecord record, int epochs)
    {
        var left = TimeSpan.FromSeconds(record.Seconds * (epochs - record.Epoch - 1));
        progress.WriteLine(
            $"epoch {record.Epoch + 1}/{epochs} {record.Seconds:F0}s  {Terms(record.Losses, 1)}  " +
            $"val loss {record.ValidationLoss:F3} acc {record.ValidationAccuracy:F3} bal {record.ValidationBalancedAccuracy:F3} " +
            $"wF1 {record.ValidationWeightedF1:F3}{(record.Best ? " (best)" : "")}  RSS {record.WorkingSetBytes / 1048576} MB  " +
            $"at most {left:hh\\:mm\\:ss} left");
    }

    private static string Terms(IReadOnlyDictionary<string, double> sums, int count) =>
        string.Join(" ", sums.Select(p => $"{p.Key} {p.Value / count:F3}"));
}
