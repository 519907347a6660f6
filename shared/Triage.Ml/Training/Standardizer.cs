namespace Triage.Ml.Training;

/// <summary>Per-column mean and standard deviation; a constant column keeps a deviation of 1.</summary>
public sealed record Standardizer(double[] Mean, double[] Std)
{
    public static Standardizer Fit(IReadOnlyList<float[]> rows)
    {
        var width = rows[0].Length;
        double[] mean = new double[width], std = new double[width];
        foreach (var row in rows)
        {
            for (var f = 0; f < width; f++)
            {
                mean[f] += row[f];
            }
        }

        for (var f = 0; f < width; f++)
        {
            mean[f] /= rows.Count;
        }

        foreach (var row in rows)
        {
            for (var f = 0; f < width; f++)
            {
                std[f] += (row[f] - mean[f]) * (row[f] - mean[f]);
            }
        }

        for (var f = 0; f < width; f++)
        {
            var deviation = Math.Sqrt(std[f] / rows.Count);
            std[f] = deviation < 1e-6 ? 1 : deviation;
        }

        return new Standardizer(mean, std);
    }

    public double[] Apply(ReadOnlySpan<float> row)
    {
        var result = new double[row.Length];
        for (var f = 0; f < row.Length; f++)
        {
            result[f] = (row[f] - Mean[f]) / Std[f];
        }

        return result;
    }
}
