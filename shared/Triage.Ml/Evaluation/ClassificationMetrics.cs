namespace Triage.Ml.Evaluation;

/// <summary>Accuracy, balanced accuracy (mean recall over the classes present) and support-weighted F1.</summary>
public sealed record ClassificationMetrics(int N, double Accuracy, double BalancedAccuracy, double WeightedF1)
{
    public static ClassificationMetrics From(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        var confusion = new int[classes, classes];
        for (var i = 0; i < truth.Count; i++)
        {
            confusion[truth[i], predicted[i]]++;
        }

        double correct = 0, recallSum = 0, weightedF1 = 0;
        var present = 0;
        for (var k = 0; k < classes; k++)
        {
            int support = 0, predictedAs = 0;
            for (var j = 0; j < classes; j++)
            {
                support += confusion[k, j];
                predictedAs += confusion[j, k];
            }

            var hits = confusion[k, k];
            correct += hits;
            if (support == 0)
            {
                continue;
            }

            present++;
            var recall = (double)hits / support;
            var precision = predictedAs == 0 ? 0 : (double)hits / predictedAs;
            recallSum += recall;
            weightedF1 += support * (precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }

        var n = truth.Count;
        return n == 0
            ? new ClassificationMetrics(0, 0, 0, 0)
            : new ClassificationMetrics(n, correct / n, recallSum / present, weightedF1 / n);
    }
}
