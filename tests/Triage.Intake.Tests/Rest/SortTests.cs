using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// <c>_sort</c> by <c>_lastUpdated</c> and by a date parameter (Media <c>created</c>), either way, with the id breaking
/// ties, and keyset pages that follow the order while new resources arrive.
/// </summary>
public sealed class SortTests
{
    [Fact]
    public async Task Sorts_by_last_updated_either_way()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        List<string> stored = [];
        for (var i = 0; i < 3; i++)
        {
            stored.Add((await server.CreateAsync(Resources.Photo(patient.Id!))).Id!);
        }

        (await server.SearchAsync("/fhir/Media?_sort=_lastUpdated")).MatchIds().Should().Equal(stored);
        (await server.SearchAsync("/fhir/Media?_sort=-_lastUpdated")).MatchIds().Should().Equal(Enumerable.Reverse(stored));
        var self = (await server.SearchAsync("/fhir/Media?_sort=_lastUpdated")).Link("self");
        self.Should().Contain("_sort=_lastUpdated");
    }

    [Fact]
    public async Task Sorts_photos_by_when_they_were_taken_with_the_id_breaking_ties_and_undated_ones_last()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var undated = (await server.CreateAsync(Photo(patient.Id!, null))).Id!;
        var june = (await server.CreateAsync(Photo(patient.Id!, "2025-06-02"))).Id!;
        var may = (await server.CreateAsync(Photo(patient.Id!, "2025-05-14T10:30:00Z"))).Id!;
        string[] sameDay = [(await server.CreateAsync(Photo(patient.Id!, "2024-01-01"))).Id!, (await server.CreateAsync(Photo(patient.Id!, "2024-01-01"))).Id!];
        var january = sameDay.Order(StringComparer.Ordinal).ToList();

        (await server.SearchAsync("/fhir/Media?_sort=created")).MatchIds().Should().Equal([.. january, may, june, undated]);
        (await server.SearchAsync("/fhir/Media?_sort=-created")).MatchIds().Should().Equal([june, may, .. Enumerable.Reverse(january), undated]);
    }

    [Theory]
    [InlineData("_lastUpdated")]
    [InlineData("-_lastUpdated")]
    [InlineData("created")]
    [InlineData("-created")]
    public async Task Next_links_keep_the_order_and_give_each_photo_once_while_new_ones_arrive(string sort)
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        string[] taken = ["2025-03-01", "2025-01-01", "2025-05-01", "2025-02-01", "2025-04-01", "2025-02-01"];
        Dictionary<string, string> created = [];
        foreach (var date in taken)
        {
            created[(await server.CreateAsync(Photo(patient.Id!, date))).Id!] = date;
        }

        var page = await server.SearchAsync($"/fhir/Media?_sort={sort}&_count=2");
        page.Total.Should().Be(taken.Length);
        List<string> seen = [.. page.MatchIds()];
        string[] arriving = ["2025-02-15", "2024-12-01", "2025-06-01", "2025-03-01"];
        for (var i = 0; page.Link("next") is { } next; i++)
        {
            var arrived = await server.CreateAsync(Photo(patient.Id!, arriving[i % arriving.Length]));
            created[arrived.Id!] = arriving[i % arriving.Length];
            next.Should().Contain($"_sort={Uri.EscapeDataString(sort)}");
            page = await server.SearchAsync(new Uri(next).PathAndQuery);
            seen.AddRange(page.MatchIds());
        }

        seen.Should().OnlyHaveUniqueItems().And.Contain(created.Keys.Take(taken.Length), "every photo stored before the walk comes once");
        var order = await server.SearchAsync($"/fhir/Media?_sort={sort}&_count=500");
        seen.Should().Equal(order.MatchIds().Where(seen.Contains), "pages follow the order of the sort");
    }

    [Fact]
    public async Task A_cursor_given_for_another_order_is_refused()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        for (var i = 0; i < 3; i++)
        {
            await server.CreateAsync(Photo(patient.Id!, $"2025-0{i + 1}-01"));
        }

        var next = (await server.SearchAsync("/fhir/Media?_sort=created&_count=1")).Link("next")!;
        var before = await server.SnapshotAsync();

        var outcome = await (await server.SendAsync(HttpMethod.Get, new Uri(next).PathAndQuery.Replace("_sort=created", "_sort=-created")))
            .ShouldBeRefusedAsync(400, server, before);
        outcome.Issue.Single().Diagnostics.Should().Contain("_cursor");
        await (await server.SendAsync(HttpMethod.Get, new Uri(next).PathAndQuery.Replace("_sort=created&", "")))
            .ShouldBeRefusedAsync(400, server, before);
    }

    [Theory]
    [InlineData("/fhir/RiskAssessment?_sort=created")]
    [InlineData("/fhir/Media?_sort=identifier")]
    [InlineData("/fhir/Media?_sort=created,_id")]
    public async Task A_sort_the_type_cannot_do_is_ignored_with_a_warning_or_refused_when_strict(string query)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var bundle = await server.SearchAsync(query);
        var outcome = (OperationOutcome)bundle.Entry.Single(e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource;
        outcome.Issue.Single().Severity.Should().Be(OperationOutcome.IssueSeverity.Warning);
        outcome.Issue[0].Expression.Should().Equal("_sort");
        bundle.Link("self").Should().NotContain("_sort");

        var refused = await (await server.SendAsync(HttpMethod.Get, query, headers: ("Prefer", "handling=strict"))).ShouldBeRefusedAsync(400, server, before);
        refused.Issue.Single().Code.Should().Be(OperationOutcome.IssueType.NotSupported);
    }

    private static Media Photo(string patientId, string? created)
    {
        var photo = Resources.Photo(patientId);
        photo.Created = created is null ? null : new FhirDateTime(created);
        return photo;
    }
}
