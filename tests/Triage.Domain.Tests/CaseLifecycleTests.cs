using Triage.Domain.Cases;

namespace Triage.Domain.Tests;

public class CaseLifecycleTests
{
    public static TheoryData<CaseStatus, CaseStatus, bool> Moves()
    {
        var allowed = new HashSet<(CaseStatus, CaseStatus)>
        {
            (CaseStatus.Received, CaseStatus.Queued),
            (CaseStatus.Received, CaseStatus.Failed),
            (CaseStatus.Queued, CaseStatus.Escalated),
            (CaseStatus.Queued, CaseStatus.Classified),
            (CaseStatus.Queued, CaseStatus.Failed),
            (CaseStatus.Escalated, CaseStatus.Classified),
            (CaseStatus.Escalated, CaseStatus.Failed),
            (CaseStatus.Classified, CaseStatus.FlaggedForReview),
            (CaseStatus.FlaggedForReview, CaseStatus.Reviewed),
            (CaseStatus.Failed, CaseStatus.Queued),
        };
        var data = new TheoryData<CaseStatus, CaseStatus, bool>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Every_pair_of_states_is_either_allowed_or_refused(CaseStatus from, CaseStatus to, bool allowed)
    {
        CaseLifecycle.CanMove(from, to).Should().Be(allowed);
        var move = () => CaseLifecycle.Move(from, to);
        if (allowed)
        {
            move().Should().Be(to);
        }
        else
        {
            move.Should().Throw<InvalidCaseTransitionException>().Which.From.Should().Be(from);
        }
    }

    [Fact]
    public void A_reviewed_case_is_final()
    {
        CaseLifecycle.NextStates(CaseStatus.Reviewed).Should().BeEmpty();
    }
}
