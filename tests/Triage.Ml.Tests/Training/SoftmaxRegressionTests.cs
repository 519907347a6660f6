using Triage.Ml.Evaluation;
using Triage.Ml.Training;

namespace Triage.Ml.Tests.Training;

public class SoftmaxRegressionTests
{
    [Fact]
    public void Separates_three_clusters()
    {
        var random = new Random(5);
        double[][] centres = [[2, 0], [-2, 0], [0, 2]];
        var x = new List<double[]>();
        var y = new List<int>();
        for (var i = 0; i < 150; i++)
        {
            x.Add(centres[i % 3].Select(c => c + random.NextDouble() - 0.5).ToArray());
            y.Add(i % 3);
        }

        var model = SoftmaxRegression.Fit(x, y, Enumerable.Repeat(1.0, 150).ToList(), 3, new SoftmaxRegressionOptions(L2: 1e-3));

        var predicted = x.Select(row => model.Logits(row)).Select(l => Array.IndexOf(l, l.Max())).ToList();
        ClassificationMetrics.From(y, predicted, 3).Accuracy.Should().Be(1);
    }

    [Fact]
    public void Metrics_follow_their_definitions()
    {
        int[] truth = [0, 0, 0, 1, 1, 2];
        int[] predicted = [0, 0, 1, 1, 1, 1];

        var metrics = ClassificationMetrics.From(truth, predicted, 3);

        metrics.Accuracy.Should().BeApproximately(4.0 / 6, 1e-12);
        metrics.BalancedAccuracy.Should().BeApproximately((2.0 / 3 + 1 + 0) / 3, 1e-12);
        // F1: class 0 = 0.8 (p 1, r 2/3), class 1 = 2/3 (p 1/2, r 1), class 2 = 0.
        metrics.WeightedF1.Should().BeApproximately((3 * 0.8 + 2 * 2.0 / 3) / 6, 1e-12);
    }
}
