using Hl7.Fhir.Model;
using Triage.Intake.Subscriptions;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// The Subscriptions R5 Backport operations: <c>$events</c> gives a subscriber the events it missed (by event number, as
/// a notification Bundle), <c>$status</c> the status and event count of one Subscription or of those asked for.
/// </summary>
public sealed class SubscriptionOperationTests
{
    [Fact]
    public async Task Events_gives_the_events_asked_for_by_number_with_their_focus_as_the_content_asks()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var subscription = await server.CreateAsync(ehr.Subscription());
        var patient = await server.CreateAsync(Resources.Patient());
        var (_, first) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        var (_, second) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        var (_, third) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        await ehr.WaitForAsync(3);
        var before = await server.SnapshotAsync();

        var all = await EventsAsync(server, $"/fhir/Subscription/{subscription.Id}/$events");
        var missed = await EventsAsync(server, $"/fhir/Subscription/{subscription.Id}/$events?eventsSinceNumber=2&eventsUntilNumber=2&content=full-resource");
        var fromTwo = await EventsAsync(server, $"/fhir/Subscription/{subscription.Id}/$events",
            new Parameters().Add("eventsSinceNumber", new FhirString("2")).Add("content", new Code("empty")));

        all.Type.Should().Be(Bundle.BundleType.History);
        var status = all.Entry[0].Resource.Should().BeOfType<Parameters>().Subject;
        status.Meta.Profile.Should().Contain(SubscriptionTopics.StatusProfile);
        ((Code)status.GetSingle("type").Value).Value.Should().Be("query-event");
        ((Code)status.GetSingle("status").Value).Value.Should().Be("active");
        ((FhirString)status.GetSingle("events-since-subscription-start").Value).Value.Should().Be("3");
        EventNumbers(all).Should().Equal("1", "2", "3");
        all.Entry.Skip(1).Select(e => e.FullUrl).Should().Equal(
            new[] { first, second, third }.Select(r => $"{server.Client.BaseAddress}fhir/RiskAssessment/{r.Id}"));
        all.Entry.Skip(1).Should().OnlyContain(e => e.Resource == null, "the subscription's content is id-only");
        EventNumbers(missed).Should().Equal("2");
        missed.Entry[1].Resource.Should().BeOfType<RiskAssessment>().Which.Id.Should().Be(second.Id);
        EventNumbers(fromTwo).Should().Equal("2", "3");
        fromTwo.Entry.Should().ContainSingle("empty content has no focus entries");
        (await server.SnapshotAsync()).Should().Equal(before, "the operations change nothing");
    }

    [Theory]
    [InlineData("eventsSinceNumber=abc")]
    [InlineData("eventsUntilNumber=0")]
    [InlineData("content=everything")]
    public async Task Events_refuses_a_value_that_is_not_one_with_400(string query)
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var subscription = await server.CreateAsync(ehr.Subscription());
        await SubscriptionReads.WaitForStatusAsync(server, subscription.Id, Subscription.SubscriptionStatus.Active);
        var before = await server.SnapshotAsync();

        var outcome = await (await server.SendAsync(HttpMethod.Get, $"/fhir/Subscription/{subscription.Id}/$events?{query}")).ShouldBeRefusedAsync(400, server, before);

        outcome.Issue.Single().Diagnostics.Should().Contain(query.Split('=')[0]);
    }

    [Fact]
    public async Task Status_answers_for_one_subscription_or_those_asked_for_and_410_once_it_is_deleted()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var results = await server.CreateAsync(ehr.Subscription());
        var reviews = await server.CreateAsync(ehr.Subscription(SubscriptionTopics.ReviewCompleted));
        await SubscriptionReads.WaitForStatusAsync(server, results.Id, Subscription.SubscriptionStatus.Active);
        await SubscriptionReads.WaitForStatusAsync(server, reviews.Id, Subscription.SubscriptionStatus.Active);
        var patient = await server.CreateAsync(Resources.Patient());
        await ClassifiedPhotos.PostAsync(server, patient.Id!);
        await ehr.WaitForAsync(1);

        var one = await StatusesAsync(server, $"/fhir/Subscription/{results.Id}/$status");
        var both = await StatusesAsync(server, "/fhir/Subscription/$status");
        var byId = await StatusesAsync(server, $"/fhir/Subscription/$status?id={reviews.Id}");
        var active = await StatusesAsync(server, "/fhir/Subscription/$status?status=active,error");
        var off = await StatusesAsync(server, "/fhir/Subscription/$status?status=off");
        await server.Client.DeleteAsync($"/fhir/Subscription/{results.Id}");
        var deleted = await server.Client.GetAsync($"/fhir/Subscription/{results.Id}/$status");

        var status = one.Should().ContainSingle().Subject;
        ((Code)status.GetSingle("type").Value).Value.Should().Be("query-status");
        ((Code)status.GetSingle("status").Value).Value.Should().Be("active");
        ((FhirString)status.GetSingle("events-since-subscription-start").Value).Value.Should().Be("1");
        ((ResourceReference)status.GetSingle("subscription").Value).Reference.Should().EndWith($"/fhir/Subscription/{results.Id}");
        both.Select(Topic).Should().BeEquivalentTo([SubscriptionTopics.ResultAvailable, SubscriptionTopics.ReviewCompleted]);
        byId.Select(Topic).Should().Equal(SubscriptionTopics.ReviewCompleted);
        active.Should().HaveCount(2);
        off.Should().BeEmpty();
        ((int)deleted.StatusCode).Should().Be(410);
        ((int)(await server.Client.GetAsync("/fhir/Subscription/never-was/$events")).StatusCode).Should().Be(404);
    }

    private static async Task<Bundle> EventsAsync(IntakeServer server, string path, Parameters? body = null)
    {
        var response = body is null ? await server.Client.GetAsync(path) : await server.SendAsync(HttpMethod.Post, path, body);
        ((int)response.StatusCode).Should().Be(200, await response.Content.ReadAsStringAsync());
        return await response.ReadResourceAsync<Bundle>();
    }

    private static async Task<IReadOnlyList<Parameters>> StatusesAsync(IntakeServer server, string path)
    {
        var response = await server.Client.GetAsync(path);
        ((int)response.StatusCode).Should().Be(200, await response.Content.ReadAsStringAsync());
        var bundle = await response.ReadResourceAsync<Bundle>();
        bundle.Type.Should().Be(Bundle.BundleType.Searchset);
        return [.. bundle.Entry.Select(e => e.Resource.Should().BeOfType<Parameters>().Subject)];
    }

    private static IEnumerable<string?> EventNumbers(Bundle bundle) =>
        ((Parameters)bundle.Entry[0].Resource).Parameter.Where(p => p.Name == "notification-event")
            .Select(p => ((FhirString)p.Part.Single(q => q.Name == "event-number").Value).Value);

    private static string? Topic(Parameters status) => ((Canonical)status.GetSingle("topic").Value).Value;
}
