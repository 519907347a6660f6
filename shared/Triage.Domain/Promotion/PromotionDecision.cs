namespace Triage.Domain.Promotion;

/// <summary>Whether a challenger becomes champion; when not, every gate it failed, in words.</summary>
public sealed record PromotionDecision(IReadOnlyList<string> FailedGates)
{
    public bool Promote => FailedGates.Count == 0;
}
