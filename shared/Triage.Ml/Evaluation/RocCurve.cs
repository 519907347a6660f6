namespace Triage.Ml.Evaluation;

public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate);

/// <summary>
/// A receiver operating characteristic for one score against a binary truth. Cases with equal scores
/// move the curve together (one diagonal step), so a tie between a positive and a negative counts
/// as half a correctly ordered pair in the area, as in the Mann-Whitney statistic.
/// </summary>
public sealed record RocCurve(IReadOnlyList<RocPoint> Points, double Auc)
{
    /// <summary>The curve, or null when the truth has no positives or no negatives (no curve exists).</summary>
    public static RocCurve? From(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {positive.Count} labels.", nameof(positive));
        }

        var positives = positive.Count(p => p);
        var negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var points = new List<RocPoint> { new(0, 0) };
        double area = 0;
        int truePositives = 0, falsePositives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
            {
                if (positive[order[end]])
                {
                    truePositives++;
                }
                else
                {
                    falsePositives++;
                }

                end++;
            }

            var next = new RocPoint((double)falsePositives / negatives, (double)truePositives / positives);
            var last = points[^1];
            area += (next.FalsePositiveRate - last.FalsePositiveRate) * (next.TruePositiveRate + last.TruePositiveRate) / 2;
            points.Add(next);
            start = end;
        }

        return new RocCurve(points, area);
    }
}
