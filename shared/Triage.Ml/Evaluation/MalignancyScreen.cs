using Triage.Domain.Diagnoses;

namespace Triage.Ml.Evaluation;

/// <summary>
/// Cancer (BCC, MEL, SCC) against the rest. A case counts as flagged when its predicted class — the
/// class with the highest probability — is a cancer, and as a cancer when its true class is one; a
/// cancer predicted as another cancer (MEL read as BCC) is still a true positive. Sensitivity or
/// specificity is null when there is no cancer or no benign case to measure it on.
/// </summary>
public sealed record MalignancyScreen(int TruePositives, int FalseNegatives, int TrueNegatives, int FalsePositives)
{
    public double? Sensitivity =>
        TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    public double? Specificity =>
        TrueNegatives + FalsePositives == 0 ? null : (double)TrueNegatives / (TrueNegatives + FalsePositives);

    /// <summary>From a confusion matrix whose class k is <c>Diagnoses.All[k]</c>.</summary>
    public static MalignancyScreen From(ConfusionMatrix confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        int tp = 0, fn = 0, tn = 0, fp = 0;
        for (var t = 0; t < confusion.Classes; t++)
        {
            for (var p = 0; p < confusion.Classes; p++)
            {
                var count = confusion[t, p];
                switch (Diagnoses.All[t].IsCancer(), Diagnoses.All[p].IsCancer())
                {
                    case (true, true): tp += count; break;
                    case (true, false): fn += count; break;
                    case (false, false): tn += count; break;
                    case (false, true): fp += count; break;
                }
            }
        }

        return new MalignancyScreen(tp, fn, tn, fp);
    }
}
