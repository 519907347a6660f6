using System.Net;
using Triage.Testing;

namespace Triage.Review.Tests;

/// <summary>
/// Two reviewers on one case when claims do not hold it (they lapse at once here): the case's revision decides, so a
/// stale form and the loser of a simultaneous submit are refused with a clear message and write nothing.
/// </summary>
public sealed class ConcurrentDecisionTests(FlaggedCasesWithoutClaims fixture) : IClassFixture<FlaggedCasesWithoutClaims>
{
    private ReviewHost Review => fixture.Review;

    [Fact]
    public async Task A_form_opened_before_another_reviewer_took_the_case_is_refused()
    {
        var caseId = fixture.TakeCase();
        using var ana = await Review.SignInAsync("dr.ana");
        using var ben = await Review.SignInAsync("dr.ben");
        var anasPage = await ana.GetPageAsync($"/review/cases/{caseId}");
        var bensPage = await ben.GetPageAsync($"/review/cases/{caseId}");
        ReviewerClient.RevisionIn(bensPage).Should().BeGreaterThan(ReviewerClient.RevisionIn(anasPage), "opening the case claimed it for dr.ben");

        var stale = await ana.DecideAsync(caseId, anasPage, "SCC");

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).Should().Contain("The case changed since you opened it");
        (await Review.CountAsync($"LabelledCases WHERE CaseId = '{ReviewDecisionTests.Db(caseId)}'")).Should().Be(0);
        (await ben.DecideAsync(caseId, bensPage, "ACK")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Of_two_reviewers_deciding_at_the_same_moment_exactly_one_wins()
    {
        var caseId = fixture.TakeCase();
        using var ana = await Review.SignInAsync("dr.ana");
        using var ben = await Review.SignInAsync("dr.ben");
        var anasPage = await ana.GetPageAsync($"/review/cases/{caseId}");
        var bensPage = await ben.GetPageAsync($"/review/cases/{caseId}");
        var revision = ReviewerClient.RevisionIn(bensPage);
        var taskId = await Review.QuerySingleAsync($"SELECT ReviewTaskId FROM Cases WHERE Id = '{ReviewDecisionTests.Db(caseId)}'", r => r.GetString(0));
        var observationsBefore = await Review.CountAsync("FhirResources WHERE ResourceType = 'Observation'");

        var answers = await Task.WhenAll(
            ana.DecideAsync(caseId, anasPage, "MEL", revision: revision),
            ben.DecideAsync(caseId, bensPage, "NEV", revision: revision));

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Redirect, HttpStatusCode.Conflict]);
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        (await loser.Content.ReadAsStringAsync()).Should().Contain("nothing was saved");
        (await Review.CountAsync($"FhirResources WHERE ResourceType = 'Task' AND ResourceId = '{taskId}'")).Should().Be(2, "requested, then completed once");
        (await Review.CountAsync("FhirResources WHERE ResourceType = 'Observation'")).Should().Be(observationsBefore + 1);
        var winner = answers[0].StatusCode == HttpStatusCode.Redirect ? ("MEL", "dr.ana") : ("NEV", "dr.ben");
        (await Review.QuerySingleAsync($"SELECT Label, LabelledBy FROM LabelledCases WHERE CaseId = '{ReviewDecisionTests.Db(caseId)}'",
            r => (r.GetString(0), r.GetString(1)))).Should().Be(winner);
    }
}
