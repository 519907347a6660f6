using Triage.Ml.Evaluation;

namespace Triage.Ml.Tests.Evaluation;

public class CalibrationTests
{
    public static TheoryData<string, double[], bool[], double> Errors() => new()
    {
        // 15 bins of width 1/15. 0.95 -> (14/15, 1]: acc 1/2, conf 0.95; 0.65 -> (9/15, 10/15]: acc 2/3, conf 0.65;
        // 0.30 -> (4/15, 5/15]: acc 0, conf 0.3. ECE = 2/6 * 0.45 + 3/6 * (1/60) + 1/6 * 0.3 = 0.15 + 1/120 + 0.05.
        { "three bins", [0.95, 0.95, 0.65, 0.65, 0.65, 0.30], [true, false, true, true, false, false], 0.15 + 1.0 / 120 + 0.05 },
        { "calibrated", [0.5, 0.5, 1.0], [true, false, true], 0.0 },
        // 0.8 and 0.6 share no bin: |1 - 0.8| / 2 + |0 - 0.6| / 2.
        { "two bins", [0.8, 0.6], [true, false], 0.4 },
        // Both in (12/15, 13/15]: mean confidence 0.82, accuracy 1/2.
        { "one bin", [0.81, 0.83], [true, false], 0.32 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Expected_calibration_error_is_the_weighted_gap(string name, double[] confidences, bool[] correct, double ece)
    {
        Calibration.From(confidences, correct).ExpectedCalibrationError.Should().BeApproximately(ece, 1e-12, name);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0 / 15, 0)]
    [InlineData(0.0667, 1)]
    [InlineData(0.5, 7)]
    [InlineData(1.0, 14)]
    public void Bins_are_closed_on_the_right(double confidence, int bin)
    {
        var bins = Calibration.From([confidence], [true]).Bins;

        bins.Should().HaveCount(15);
        bins.Select(b => b.Count).Should().Equal(Enumerable.Range(0, 15).Select(b => b == bin ? 1 : 0));
        bins[bin].Lower.Should().BeApproximately(bin / 15.0, 1e-15);
        bins[bin].MeanConfidence.Should().Be(confidence);
    }
}
