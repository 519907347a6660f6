namespace Triage.Ml.Evaluation;

/// <summary>Counts of (true class, predicted class) pairs: rows are true classes, columns predicted ones.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    private ConfusionMatrix(int[,] counts)
    {
        _counts = counts;
    }

    public int Classes => _counts.GetLength(0);

    public int N { get; private init; }

    public int this[int truth, int predicted] => _counts[truth, predicted];

    public static ConfusionMatrix From(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions.", nameof(predicted));
        }

        var counts = new int[classes, classes];
        for (var i = 0; i < truth.Count; i++)
        {
            counts[truth[i], predicted[i]]++;
        }

        return new ConfusionMatrix(counts) { N = truth.Count };
    }

    /// <summary>How many cases truly belong to <paramref name="k"/> (the row sum).</summary>
    public int Support(int k) => Enumerable.Range(0, Classes).Sum(j => _counts[k, j]);

    /// <summary>How many cases were predicted as <paramref name="k"/> (the column sum).</summary>
    public int PredictedCount(int k) => Enumerable.Range(0, Classes).Sum(i => _counts[i, k]);

    public int Correct => Enumerable.Range(0, Classes).Sum(k => _counts[k, k]);

    public int[][] ToRows() =>
        Enumerable.Range(0, Classes).Select(i => Enumerable.Range(0, Classes).Select(j => _counts[i, j]).ToArray()).ToArray();

    /// <summary>Each row divided by its sum (recall on the diagonal); a row without cases stays zero.</summary>
    public double[][] RowNormalised() =>
        Enumerable.Range(0, Classes).Select(i =>
        {
            var support = Support(i);
            return Enumerable.Range(0, Classes).Select(j => support == 0 ? 0 : (double)_counts[i, j] / support).ToArray();
        }).ToArray();
}
