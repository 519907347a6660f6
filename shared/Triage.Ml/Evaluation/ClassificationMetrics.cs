namespace Triage.Ml.Evaluation;

/// <summary>
/// Accuracy, balanced accuracy (mean recall over the classes present), support-weighted F1 and
/// macro F1 (mean F1 over the classes that are present or predicted, as scikit-learn averages).
/// </summary>
public sealed record ClassificationMetrics(int N, double Accuracy, double BalancedAccuracy, double WeightedF1)
{
    public double MacroF1 { get; init; }

    public static ClassificationMetrics From(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes) =>
        From(ConfusionMatrix.From(truth, predicted, classes));

    public static ClassificationMetrics From(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var n = confusion.N;
        if (n == 0)
        {
            return new ClassificationMetrics(0, 0, 0, 0);
        }

        var scores = ClassScores.From(confusion);
        var present = scores.Where(s => s.Support > 0).ToList();
        var seen = Enumerable.Range(0, confusion.Classes)
            .Where(k => scores[k].Support > 0 || confusion.PredictedCount(k) > 0)
            .Select(k => scores[k].F1)
            .ToList();
        return new ClassificationMetrics(
            n,
            (double)confusion.Correct / n,
            present.Average(s => s.Recall),
            present.Sum(s => s.Support * s.F1) / n)
        {
            MacroF1 = seen.Average(),
        };
    }
}
