using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>_count</c> pages with self and next links that still give every resource once when new ones arrive meanwhile.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Next_links_walk_every_match_once_while_new_resources_arrive()
    {
        await using var server = await IntakeServer.StartAsync();
        List<string> created = [];
        for (var i = 0; i < 5; i++)
        {
            created.Add((await server.CreateAsync(Resources.Photo((await server.CreateAsync(Resources.Patient())).Id!))).Id!);
        }

        var first = await server.SearchAsync("/fhir/Media?_count=2");
        first.Total.Should().Be(5);
        first.Link("self").Should().Contain("_count=2").And.NotContain("_cursor");
        List<string> seen = [.. first.MatchIds()];
        var next = first.Link("next");
        var arrivedMeanwhile = 0;
        while (next is not null)
        {
            await server.CreateAsync(Resources.Photo((await server.CreateAsync(Resources.Patient())).Id!));
            arrivedMeanwhile++;
            var page = await server.SearchAsync(new Uri(next).PathAndQuery);
            page.Link("self").Should().Be(next);
            page.Entry.Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page.MatchIds());
            next = page.Link("next");
        }

        seen.Should().Equal(Enumerable.Reverse(created), "each photo comes once, newest first, and none that arrived later");
        arrivedMeanwhile.Should().Be(2);
    }

    [Fact]
    public async Task The_last_page_has_no_next_link_and_count_zero_gives_only_the_total()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        await server.CreateAsync(Resources.Photo(patient.Id!));
        await server.CreateAsync(Resources.Photo(patient.Id!));

        (await server.SearchAsync($"/fhir/Media?patient={patient.Id}&_count=2")).Link("next").Should().BeNull();
        var onlyTotal = await server.SearchAsync($"/fhir/Media?patient={patient.Id}&_count=0");
        onlyTotal.Total.Should().Be(2);
        onlyTotal.Entry.Should().BeEmpty();
        onlyTotal.Link("next").Should().BeNull();
    }

    [Fact]
    public async Task A_count_over_the_maximum_is_lowered_with_a_warning_or_refused_when_strict()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var lenient = await server.SearchAsync("/fhir/Media?_count=100000");
        lenient.Link("self").Should().Contain("_count=500");
        var outcome = (OperationOutcome)lenient.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource;
        outcome.Issue.Single().Severity.Should().Be(OperationOutcome.IssueSeverity.Warning);
        await (await server.SendAsync(HttpMethod.Get, "/fhir/Media?_count=100000", headers: ("Prefer", "handling=strict")))
            .ShouldBeRefusedAsync(400, server, before);
    }
}
