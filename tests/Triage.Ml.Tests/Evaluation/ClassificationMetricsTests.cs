using Triage.Ml.Evaluation;

namespace Triage.Ml.Tests.Evaluation;

public class ClassificationMetricsTests
{
    public static TheoryData<string, int[], int[], int, double[]> Cases() => new()
    {
        // truth 0 0 0 1 1 2, predicted 0 0 1 1 1 1: class 0 P 1 R 2/3 F1 0.8; class 1 P 1/2 R 1 F1 2/3; class 2 all 0.
        {
            "three classes", [0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 1, 1], 3,
            [4.0 / 6, (2.0 / 3 + 1 + 0) / 3, (3 * 0.8 + 2 * 2.0 / 3) / 6, (0.8 + 2.0 / 3 + 0) / 3]
        },
        // Class 2 is neither present nor predicted: left out of balanced accuracy and macro F1.
        // Class 0: P 1/2 R 1/2 F1 1/2; class 1: P 1/2 R 1/2 F1 1/2.
        { "absent class", [0, 0, 1, 1], [0, 1, 0, 1], 3, [0.5, 0.5, 0.5, 0.5] },
        // Class 2 predicted but absent: F1 0 counts in macro F1 (as scikit-learn), not in balanced accuracy.
        // Class 0: P 1 R 1/2 F1 2/3; class 1: P 1 R 1 F1 1; class 2: F1 0.
        { "predicted only", [0, 0, 1], [0, 2, 1], 3, [2.0 / 3, (0.5 + 1) / 2, (2 * 2.0 / 3 + 1) / 3, (2.0 / 3 + 1 + 0) / 3] },
        { "perfect", [0, 1, 2, 2], [0, 1, 2, 2], 3, [1, 1, 1, 1] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Follow_their_definitions(string name, int[] truth, int[] predicted, int classes, double[] expected)
    {
        var metrics = ClassificationMetrics.From(truth, predicted, classes);

        metrics.N.Should().Be(truth.Length, name);
        metrics.Accuracy.Should().BeApproximately(expected[0], 1e-12, name);
        metrics.BalancedAccuracy.Should().BeApproximately(expected[1], 1e-12, name);
        metrics.WeightedF1.Should().BeApproximately(expected[2], 1e-12, name);
        metrics.MacroF1.Should().BeApproximately(expected[3], 1e-12, name);
    }

    [Fact]
    public void No_cases_give_zeros()
    {
        ClassificationMetrics.From([], [], 6).Should().Be(new ClassificationMetrics(0, 0, 0, 0));
    }

    [Fact]
    public void Per_class_scores_and_the_confusion_matrix_agree()
    {
        var confusion = ConfusionMatrix.From([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 1, 1], 3);

        confusion.ToRows().Should().BeEquivalentTo(new[] { new[] { 2, 1, 0 }, [0, 2, 0], [0, 1, 0] }, o => o.WithStrictOrdering());
        confusion.RowNormalised()[0].Should().Equal(2.0 / 3, 1.0 / 3, 0);
        confusion.RowNormalised()[2].Should().Equal(0, 1, 0);
        confusion.Correct.Should().Be(4);
        ClassScores.From(confusion).Should().Equal(
            new ClassScores(1, 2.0 / 3, 0.8, 3),
            new ClassScores(0.5, 1, 2.0 / 3, 2),
            new ClassScores(0, 0, 0, 1));
    }
}
