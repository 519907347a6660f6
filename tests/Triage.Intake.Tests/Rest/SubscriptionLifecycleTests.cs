using Hl7.Fhir.Model;
using Triage.Intake.Subscriptions;
using Triage.Testing;
using SubscriptionStatus = Hl7.Fhir.Model.Subscription.SubscriptionStatus;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// A Subscription's life over HTTP (R5 Backport for R4): the handshake before it turns active, error when the handshake
/// is refused, re-activation by PUT, heartbeats, delete, If-Match, and delivery woken by the commit rather than the poll.
/// </summary>
public sealed class SubscriptionLifecycleTests
{
    [Fact]
    public async Task The_handshake_comes_first_then_the_subscription_is_active_and_events_follow()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var patient = await server.CreateAsync(Resources.Patient());
        var created = await server.CreateAsync(ehr.Subscription());

        var (_, riskAssessment) = await ClassifiedPhotos.PostAsync(server, patient.Id!);

        var events = await ehr.WaitForAsync(1);
        ehr.AcceptedTypes.Should().Equal(NotificationBundle.Handshake, NotificationBundle.EventNotification);
        var handshake = ehr.Handshakes.Single();
        handshake.Entry.Should().ContainSingle("a handshake carries no focus");
        var status = (Parameters)handshake.Entry[0].Resource;
        ((Code)status.GetSingle("status").Value).Value.Should().Be("requested");
        ((FhirString)status.GetSingle("events-since-subscription-start").Value).Value.Should().Be("0");
        status.Parameter.Should().NotContain(p => p.Name == "notification-event");
        ((ResourceReference)status.GetSingle("subscription").Value).Reference.Should().EndWith($"/fhir/Subscription/{created.Id}");
        var notification = (Parameters)events.Single().Entry[0].Resource;
        ((FhirString)notification.GetSingle("events-since-subscription-start").Value).Value.Should().Be("1", "a handshake takes no event number");
        events.Single().Entry[1].FullUrl.Should().EndWith($"/fhir/RiskAssessment/{riskAssessment.Id}");
        (await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Active)).Meta.VersionId.Should().Be("2");
    }

    [Fact]
    public async Task A_refused_handshake_sets_the_subscription_to_error_and_no_events_are_sent()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync(handshakeFailures: int.MaxValue);
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery(maxHandshakeAttempts: 2));
        var created = await server.CreateAsync(ehr.Subscription());

        var failed = await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Error);
        var patient = await server.CreateAsync(Resources.Patient());
        await ClassifiedPhotos.PostAsync(server, patient.Id!);
        await Task.Delay(300);

        failed.Status.Should().Be(SubscriptionStatus.Error);
        failed.Error.Should().Contain("handshake was refused 2 times").And.Contain("HTTP 503");
        ehr.Requests.Should().Be(2, "two refused handshakes and nothing after them");
        ehr.AcceptedTypes.Should().BeEmpty();
        (await server.CountAsync("SubscriptionNotifications")).Should().Be(0, "no events are queued for a subscription in error");
    }

    [Fact]
    public async Task A_subscription_in_error_is_activated_again_by_PUT_with_status_requested()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync(handshakeFailures: 2);
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery(maxHandshakeAttempts: 2));
        var created = await server.CreateAsync(ehr.Subscription());
        var failed = await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Error);
        failed.Status.Should().Be(SubscriptionStatus.Error);

        failed.Status = SubscriptionStatus.Requested;
        var response = await server.SendAsync(HttpMethod.Put, $"/fhir/Subscription/{created.Id}", failed, headers: ("If-Match", "W/\"2\""));

        ((int)response.StatusCode).Should().Be(200, await response.Content.ReadAsStringAsync());
        var updated = await response.ReadResourceAsync<Subscription>();
        (updated.Status, updated.Meta.VersionId, updated.Error).Should().Be((SubscriptionStatus.Requested, "3", null));
        (await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Active)).Meta.VersionId.Should().Be("4");
        var patient = await server.CreateAsync(Resources.Patient());
        await ClassifiedPhotos.PostAsync(server, patient.Id!);
        (await ehr.WaitForAsync(1)).Should().ContainSingle();
        ehr.AcceptedTypes.Should().Equal(NotificationBundle.Handshake, NotificationBundle.EventNotification);
        ehr.Requests.Should().Be(4, "two refused handshakes, the accepted one, the event");
    }

    [Fact]
    public async Task A_heartbeat_arrives_after_the_period_without_notifications_and_carries_no_event()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var subscription = ehr.Subscription();
        subscription.Channel.AddExtension(SubscriptionTopics.HeartbeatPeriodExtension, new UnsignedInt(1));
        var created = await server.CreateAsync(subscription);

        var heartbeats = await ehr.WaitForAsync(NotificationBundle.Heartbeat, 2, TimeSpan.FromSeconds(20));

        created.Channel.GetExtensionValue<UnsignedInt>(SubscriptionTopics.HeartbeatPeriodExtension).Value.Should().Be(1);
        heartbeats.Should().HaveCountGreaterThanOrEqualTo(2);
        ehr.AcceptedTypes[0].Should().Be(NotificationBundle.Handshake);
        var status = (Parameters)heartbeats[0].Entry.Should().ContainSingle().Subject.Resource;
        ((Code)status.GetSingle("status").Value).Value.Should().Be("active");
        ((FhirString)status.GetSingle("events-since-subscription-start").Value).Value.Should().Be("0");
        status.Parameter.Should().NotContain(p => p.Name == "notification-event");
    }

    [Fact]
    public async Task A_heartbeat_period_below_the_minimum_is_raised_to_it()
    {
        await using var server = await IntakeServer.StartAsync(new Dictionary<string, string?> { ["Intake:Subscriptions:MinHeartbeatPeriod"] = "00:05:00" });
        var subscription = Subscriptions.RestHook("http://127.0.0.1:9/notify");
        subscription.Channel.AddExtension(SubscriptionTopics.HeartbeatPeriodExtension, new UnsignedInt(10));

        var created = await server.CreateAsync(subscription);

        created.Channel.GetExtensionValue<UnsignedInt>(SubscriptionTopics.HeartbeatPeriodExtension).Value.Should().Be(300);
    }

    [Fact]
    public async Task Delete_stops_deliveries_drops_pending_notifications_and_later_requests_for_it_are_410_Gone()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync(failures: int.MaxValue);
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery(maxAttempts: 1000));
        var created = await server.CreateAsync(ehr.Subscription());
        var patient = await server.CreateAsync(Resources.Patient());
        await ClassifiedPhotos.PostAsync(server, patient.Id!);
        await Poll.UntilAsync(() => ehr.Requests >= 3, "the handshake, then the event refused and retried");

        var response = await server.Client.DeleteAsync($"/fhir/Subscription/{created.Id}");

        ((int)response.StatusCode).Should().Be(204, await response.Content.ReadAsStringAsync());
        var requestsAfterDelete = ehr.Requests;
        await Task.Delay(600);
        ehr.Requests.Should().BeLessThanOrEqualTo(requestsAfterDelete + 1, "at most a POST already on its way; retries every 200 ms would have made more");
        (await server.CountAsync("SubscriptionNotifications")).Should().Be(0);
        (await server.CountAsync("Subscriptions")).Should().Be(0);
        (await server.QueryAsync("SELECT COUNT(*) FROM FhirResources WHERE ResourceType = 'Subscription'")).Single()[0].Should().Be("0", "no version is kept");
        var afterDelete = await server.SnapshotAsync();
        var read = await server.Client.GetAsync($"/fhir/Subscription/{created.Id}");
        ((int)read.StatusCode).Should().Be(410);
        (await read.ReadResourceAsync<OperationOutcome>()).Issue.Single().Code.Should().Be(OperationOutcome.IssueType.Deleted);
        ((int)(await server.Client.GetAsync($"/fhir/Subscription/{created.Id}/_history")).StatusCode).Should().Be(410);
        ((int)(await server.Client.GetAsync($"/fhir/Subscription/{created.Id}/_history/1")).StatusCode).Should().Be(410);
        await (await server.SendAsync(HttpMethod.Put, $"/fhir/Subscription/{created.Id}", created, headers: ("If-Match", "W/\"1\"")))
            .ShouldBeRefusedAsync(410, server, afterDelete);
        ((int)(await server.Client.DeleteAsync($"/fhir/Subscription/{created.Id}")).StatusCode).Should().Be(204, "deleting a deleted resource has no effect");
        (await server.SnapshotAsync()).Should().Equal(afterDelete);
        ((int)(await server.Client.GetAsync("/fhir/Subscription/never-was")).StatusCode).Should().Be(404);
    }

    [Fact]
    public async Task Update_or_delete_naming_another_version_in_If_Match_is_412_and_changes_nothing()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var created = await server.CreateAsync(ehr.Subscription());
        var active = await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Active);
        active.Meta.VersionId.Should().Be("2");
        var before = await server.SnapshotAsync();
        active.Status = SubscriptionStatus.Off;

        await (await server.SendAsync(HttpMethod.Put, $"/fhir/Subscription/{created.Id}", active, headers: ("If-Match", "W/\"1\"")))
            .ShouldBeRefusedAsync(412, server, before);
        await (await server.SendAsync(HttpMethod.Delete, $"/fhir/Subscription/{created.Id}", headers: ("If-Match", "W/\"1\"")))
            .ShouldBeRefusedAsync(412, server, before);
        (await server.CountAsync("Subscriptions")).Should().Be(1);
    }

    [Fact]
    public async Task PUT_with_status_off_stops_events_and_a_new_endpoint_gets_its_own_handshake()
    {
        await using var first = await SubscriptionReceiver.StartAsync();
        await using var second = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var created = await server.CreateAsync(first.Subscription());
        var active = await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Active);

        active.Status = SubscriptionStatus.Off;
        var off = await (await server.SendAsync(HttpMethod.Put, $"/fhir/Subscription/{created.Id}", active)).ReadResourceAsync<Subscription>();
        off.Status.Should().Be(SubscriptionStatus.Off);
        var patient = await server.CreateAsync(Resources.Patient());
        await ClassifiedPhotos.PostAsync(server, patient.Id!);
        off.Channel.Endpoint = second.Endpoint;
        off.Status = SubscriptionStatus.Active;
        var moved = await (await server.SendAsync(HttpMethod.Put, $"/fhir/Subscription/{created.Id}", off)).ReadResourceAsync<Subscription>();

        moved.Status.Should().Be(SubscriptionStatus.Requested, "another endpoint must accept a handshake first");
        (await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Active)).Status.Should().Be(SubscriptionStatus.Active);
        await ClassifiedPhotos.PostAsync(server, patient.Id!);
        var events = await second.WaitForAsync(1);
        second.AcceptedTypes.Should().Equal(NotificationBundle.Handshake, NotificationBundle.EventNotification);
        ((FhirString)((Parameters)events[0].Entry[0].Resource).GetSingle("events-since-subscription-start").Value).Value
            .Should().Be("1", "the event while it was off was not recorded");
        first.AcceptedTypes.Should().Equal(NotificationBundle.Handshake);
    }

    [Fact]
    public async Task A_subscription_whose_end_has_passed_is_turned_off()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var subscription = ehr.Subscription();
        subscription.End = DateTimeOffset.UtcNow.AddSeconds(1);

        var created = await server.CreateAsync(subscription);

        (await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Off)).Status.Should().Be(SubscriptionStatus.Off);
    }

    [Fact]
    public async Task The_dispatcher_is_woken_by_the_commit_not_only_by_its_poll()
    {
        // A poll so slow that only the wake-up after each commit can deliver within the bounds below.
        var settings = Subscriptions.FastDelivery();
        settings["Intake:Subscriptions:PollInterval"] = "00:01:00";
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(settings);
        await Task.Delay(200); // lets the dispatcher's first pass, at start, go by
        var created = await server.CreateAsync(ehr.Subscription());
        var patient = await server.CreateAsync(Resources.Patient());

        (await ehr.WaitForAsync(NotificationBundle.Handshake, 1, TimeSpan.FromSeconds(20))).Should().ContainSingle("the create wakes the dispatcher");
        (await SubscriptionReads.WaitForStatusAsync(server, created.Id, SubscriptionStatus.Active)).Status.Should().Be(SubscriptionStatus.Active);
        var (_, first) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        var (_, second) = await ClassifiedPhotos.PostAsync(server, patient.Id!);

        var events = await ehr.WaitForAsync(2, TimeSpan.FromSeconds(20));
        events.Select(e => e.Entry[1].FullUrl.Split('/')[^1]).Should().Equal(first.Id, second.Id);
    }
}
