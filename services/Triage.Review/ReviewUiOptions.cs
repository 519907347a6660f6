namespace Triage.Review;

/// <summary>Settings of the review UI (section <c>Review</c>).</summary>
public sealed class ReviewUiOptions
{
    public const string Section = "Review";

    /// <summary>How long opening a case holds it for the reviewer before another may take it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Cases per worklist page.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>Longest side of a worklist thumbnail, in pixels.</summary>
    public int ThumbnailSize { get; set; } = 160;
}
