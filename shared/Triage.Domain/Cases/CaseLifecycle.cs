namespace Triage.Domain.Cases;

/// <summary>The allowed moves between case states.</summary>
public static class CaseLifecycle
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Received] = [CaseStatus.Queued, CaseStatus.Failed],
        [CaseStatus.Queued] = [CaseStatus.Escalated, CaseStatus.Classified, CaseStatus.Failed],
        [CaseStatus.Escalated] = [CaseStatus.Classified, CaseStatus.Failed],
        [CaseStatus.Classified] = [CaseStatus.FlaggedForReview],
        [CaseStatus.FlaggedForReview] = [CaseStatus.Reviewed],
        [CaseStatus.Reviewed] = [],
        // A failed case can be sent again once its cause is fixed.
        [CaseStatus.Failed] = [CaseStatus.Queued],
    };

    public static bool CanMove(CaseStatus from, CaseStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<CaseStatus> NextStates(CaseStatus from) => Allowed[from];

    /// <summary>Throws <see cref="InvalidCaseTransitionException"/> unless the move is allowed.</summary>
    public static CaseStatus Move(CaseStatus from, CaseStatus to) =>
        CanMove(from, to) ? to : throw new InvalidCaseTransitionException(from, to);
}

public sealed class InvalidCaseTransitionException(CaseStatus from, CaseStatus to)
    : InvalidOperationException($"A case cannot move from {from} to {to}.")
{
    public CaseStatus From { get; } = from;
    public CaseStatus To { get; } = to;
}
