namespace Triage.Domain.Review;

/// <summary>
/// A reviewer's hold on a flagged case while looking at it, so that a second reviewer sees that it is being reviewed
/// and cannot decide it meanwhile. A claim lapses at <see cref="Until"/>, so a reviewer who walks away blocks no one for long.
/// </summary>
public readonly record struct ReviewClaim(string Reviewer, DateTimeOffset Until)
{
    public bool IsActiveAt(DateTimeOffset now) => now < Until;

    /// <summary>True when <paramref name="reviewer"/> may claim (or decide) a case that <paramref name="current"/> holds.</summary>
    public static bool CanTake(ReviewClaim? current, string reviewer, DateTimeOffset now) =>
        current is not { } held || !held.IsActiveAt(now) || string.Equals(held.Reviewer, reviewer, StringComparison.Ordinal);
}
