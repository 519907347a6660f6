using Triage.Domain.Review;

namespace Triage.Intake.Review;

/// <summary>When a result is flagged for dermatologist review, and to whom the review is assigned (section <c>Intake:Review</c>).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Intake:Review";

    /// <summary>Flag when the deciding model's cancer probability (BCC + MEL + SCC) is at or above this (0.30 by default).</summary>
    public double CancerProbability { get; set; } = ReviewThresholds.Default.CancerProbability;

    /// <summary>Flag when the deciding model's top probability is below this (0.50 by default).</summary>
    public double MinimumConfidence { get; set; } = ReviewThresholds.Default.MinimumConfidence;

    /// <summary>The review Task's owner as a FHIR reference (e.g. <c>Organization/dermatology</c>); none by default.</summary>
    public string? Owner { get; set; }

    public ReviewThresholds Thresholds => new(CancerProbability, MinimumConfidence);
}
