namespace Triage.Domain.Review;

/// <summary>What decides how soon a flagged case should be seen.</summary>
/// <param name="CancerProbability">The deciding model's BCC + MEL + SCC probability.</param>
/// <param name="Escalated">The student was unsure and the teacher decided.</param>
/// <param name="FlaggedAt">When the case was put on the worklist.</param>
public readonly record struct ReviewUrgency(double CancerProbability, bool Escalated, DateTimeOffset FlaggedAt);

/// <summary>
/// The worklist order, most urgent first: the cancer probability in bands of a tenth (0.43 and 0.47 are the same
/// clinical worry), then escalated before not escalated (the models disagreed or were unsure), then the longest
/// waiting first. Bands rather than the raw probability so that waiting time and escalation still count.
/// </summary>
public sealed class ReviewUrgencyOrder : IComparer<ReviewUrgency>
{
    public static ReviewUrgencyOrder MostUrgentFirst { get; } = new();

    /// <summary>0 for [0, 0.1), ..., 9 for [0.9, 1]; a probability outside [0, 1] is refused.</summary>
    public static int Band(double cancerProbability)
    {
        if (cancerProbability is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cancerProbability), cancerProbability, "A probability lies within [0, 1].");
        }

        return Math.Min(9, (int)Math.Floor(cancerProbability * 10));
    }

    public int Compare(ReviewUrgency x, ReviewUrgency y)
    {
        var band = Band(y.CancerProbability).CompareTo(Band(x.CancerProbability));
        if (band != 0)
        {
            return band;
        }

        var escalated = y.Escalated.CompareTo(x.Escalated);
        return escalated != 0 ? escalated : x.FlaggedAt.CompareTo(y.FlaggedAt);
    }
}
