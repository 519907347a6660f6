using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// <c>_total</c>: <c>none</c> leaves <c>Bundle.total</c> out (and spares the count), <c>estimate</c> and <c>accurate</c>
/// give the exact count, anything else is 400; <c>_summary=count</c> always counts.
/// </summary>
public sealed class TotalTests
{
    [Theory]
    [InlineData("", 3)]
    [InlineData("&_total=accurate", 3)]
    [InlineData("&_total=estimate", 3)]
    [InlineData("&_total=none", null)]
    public async Task The_total_is_given_unless_none_is_asked_for(string total, int? expected)
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        for (var i = 0; i < 3; i++)
        {
            await server.CreateAsync(Resources.Photo(patient.Id!));
        }

        var bundle = await server.SearchAsync($"/fhir/Media?patient={patient.Id}&_count=2{total}");

        bundle.Total.Should().Be(expected);
        bundle.MatchIds().Should().HaveCount(2);
        if (total.Length > 0)
        {
            bundle.Link("next").Should().Contain(total.TrimStart('&'), "the next page is asked the same way");
        }

        var last = await server.SearchAsync(new Uri(bundle.Link("next")!).PathAndQuery);
        last.Total.Should().Be(expected);
        last.MatchIds().Should().ContainSingle();
    }

    [Fact]
    public async Task A_count_summary_counts_even_under_none()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        await server.CreateAsync(Resources.Photo(patient.Id!));

        var bundle = await server.SearchAsync($"/fhir/Media?patient={patient.Id}&_summary=count&_total=none");

        bundle.Total.Should().Be(1);
        bundle.Entry.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/fhir/Media?_total=exact")]
    [InlineData("/fhir/Media?_total=")]
    public async Task A_value_R4_does_not_define_is_refused(string query)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var outcome = await (await server.SendAsync(HttpMethod.Get, query)).ShouldBeRefusedAsync(400, server, before);

        outcome.Issue.Single().Diagnostics.Should().Contain("_total");
    }
}
