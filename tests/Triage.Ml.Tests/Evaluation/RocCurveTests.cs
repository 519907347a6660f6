using Triage.Ml.Evaluation;

namespace Triage.Ml.Tests.Evaluation;

public class RocCurveTests
{
    public static TheoryData<string, double[], bool[], double> Areas() => new()
    {
        { "perfect", [0.9, 0.8, 0.3, 0.1], [true, true, false, false], 1.0 },
        { "reversed", [0.9, 0.8, 0.3, 0.1], [false, false, true, true], 0.0 },
        // Pairs (positive, negative): (0.9, 0.8) 1, (0.9, 0.3) 1, (0.8, 0.8) tie 1/2, (0.8, 0.3) 1: 3.5 / 4.
        { "tie across classes", [0.9, 0.8, 0.8, 0.3], [true, false, true, false], 0.875 },
        { "every score tied", [0.5, 0.5, 0.5, 0.5], [true, false, true, false], 0.5 },
        // Positives 0.7, 0.4; negatives 0.6, 0.4, 0.2: (0.7: 1 + 1 + 1) + (0.4: 0 + 1/2 + 1) = 4.5 / 6.
        { "one tie of five", [0.7, 0.6, 0.4, 0.4, 0.2], [true, false, true, false, false], 0.75 },
        // Ties within a class change nothing: (0.6 beats 0.2 twice) x 2 positives = 4 / 4.
        { "tie within a class", [0.6, 0.6, 0.2, 0.2], [true, true, false, false], 1.0 },
    };

    [Theory]
    [MemberData(nameof(Areas))]
    public void Area_counts_a_tie_as_half_a_pair(string name, double[] scores, bool[] positive, double auc)
    {
        RocCurve.From(scores, positive)!.Auc.Should().BeApproximately(auc, 1e-12, name);
    }

    [Fact]
    public void Tied_cases_move_the_curve_in_one_diagonal_step()
    {
        var curve = RocCurve.From([0.9, 0.8, 0.8, 0.3], [true, false, true, false])!;

        curve.Points.Should().Equal(new RocPoint(0, 0), new RocPoint(0, 0.5), new RocPoint(0.5, 1), new RocPoint(1, 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void No_curve_without_both_positives_and_negatives(bool label)
    {
        RocCurve.From([0.9, 0.1], [label, label]).Should().BeNull();
    }
}
