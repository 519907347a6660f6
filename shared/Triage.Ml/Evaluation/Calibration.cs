namespace Triage.Ml.Evaluation;

/// <summary>One confidence bin (Lower, Upper]: how many cases fell in it, their mean confidence and accuracy.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// Expected calibration error over equal-width bins of the top-class confidence (Guo et al. 2017):
/// the case-weighted mean of |accuracy - mean confidence| over the bins. Bin b holds confidences in
/// (b/B, (b+1)/B]; a confidence of exactly 0 goes to the first bin.
/// </summary>
public sealed record Calibration(IReadOnlyList<ReliabilityBin> Bins, double ExpectedCalibrationError)
{
    public const int DefaultBins = 15;

    public static Calibration From(IReadOnlyList<double> confidences, IReadOnlyList<bool> correct, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(confidences);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (confidences.Count != correct.Count)
        {
            throw new ArgumentException($"{confidences.Count} confidences but {correct.Count} outcomes.", nameof(correct));
        }

        var count = new int[bins];
        var confidenceSum = new double[bins];
        var hits = new int[bins];
        for (var i = 0; i < confidences.Count; i++)
        {
            var b = BinOf(confidences[i], bins);
            count[b]++;
            confidenceSum[b] += confidences[i];
            hits[b] += correct[i] ? 1 : 0;
        }

        var result = new List<ReliabilityBin>(bins);
        double error = 0;
        for (var b = 0; b < bins; b++)
        {
            var meanConfidence = count[b] == 0 ? 0 : confidenceSum[b] / count[b];
            var accuracy = count[b] == 0 ? 0 : (double)hits[b] / count[b];
            result.Add(new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], meanConfidence, accuracy));
            error += confidences.Count == 0 ? 0 : (double)count[b] / confidences.Count * Math.Abs(accuracy - meanConfidence);
        }

        return new Calibration(result, error);
    }

    // Compared with the same (b + 1) / bins edges the bins report, so that c = 1/15 lands in bin 0.
    private static int BinOf(double confidence, int bins)
    {
        for (var b = 0; b < bins - 1; b++)
        {
            if (confidence <= (double)(b + 1) / bins)
            {
                return b;
            }
        }

        return bins - 1;
    }
}
