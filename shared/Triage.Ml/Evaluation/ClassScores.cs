namespace Triage.Ml.Evaluation;

/// <summary>One class's precision, recall and F1 against the rest. Precision is 0 when nothing was
/// predicted as the class, recall is 0 when the class has no cases, F1 is 0 when both are 0.</summary>
public sealed record ClassScores(double Precision, double Recall, double F1, int Support)
{
    public static IReadOnlyList<ClassScores> From(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        return Enumerable.Range(0, confusion.Classes).Select(k =>
        {
            var hits = confusion[k, k];
            var support = confusion.Support(k);
            var predicted = confusion.PredictedCount(k);
            var precision = predicted == 0 ? 0 : (double)hits / predicted;
            var recall = support == 0 ? 0 : (double)hits / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassScores(precision, recall, f1, support);
        }).ToList();
    }
}
