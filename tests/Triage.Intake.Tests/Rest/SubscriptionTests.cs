using Hl7.Fhir.Model;
using Triage.Intake.Subscriptions;
using Triage.Testing;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// R4 Subscriptions (rest-hook, Subscriptions R5 Backport): accepted as requested (active after the handshake) or refused
/// with nothing stored; a result notifies the EHR with a history Bundle led by the SubscriptionStatus, and an EHR that is
/// down gets it once it is back.
/// </summary>
public sealed class SubscriptionTests
{
    [Fact]
    public async Task A_subscription_is_stored_requested_active_after_its_handshake_readable_and_found_by_status()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync();

        var created = await server.CreateAsync(ehr.Subscription());

        created.Status.Should().Be(Subscription.SubscriptionStatus.Requested);
        var read = await SubscriptionReads.WaitForStatusAsync(server, created.Id, Subscription.SubscriptionStatus.Active);
        read.Status.Should().Be(Subscription.SubscriptionStatus.Active);
        read.Channel.Endpoint.Should().Be(ehr.Endpoint);
        var active = await (await server.Client.GetAsync("/fhir/Subscription?status=active")).ReadResourceAsync<Bundle>();
        active.Entry.Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Match).Select(e => e.Resource.Id).Should().Equal(created.Id);
        var failed = await (await server.Client.GetAsync("/fhir/Subscription?status=error")).ReadResourceAsync<Bundle>();
        failed.Entry.Should().NotContain(e => e.Search != null && e.Search.Mode == Bundle.SearchEntryMode.Match);
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("ftp-endpoint")]
    [InlineData("relative-endpoint")]
    [InlineData("unknown-topic")]
    [InlineData("xml-payload")]
    [InlineData("unknown-content")]
    [InlineData("filter-other-than-patient")]
    [InlineData("status-off")]
    [InlineData("header-without-colon")]
    [InlineData("header-the-server-sets")]
    public async Task A_subscription_this_server_cannot_honour_is_refused_with_422_and_nothing_stored(string problem)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();
        var subscription = Subscriptions.RestHook("https://ehr.example.org/notify");
        switch (problem)
        {
            case "websocket": subscription.Channel.Type = Subscription.SubscriptionChannelType.Websocket; break;
            case "ftp-endpoint": subscription.Channel.Endpoint = "ftp://ehr.example.org/notify"; break;
            case "relative-endpoint": subscription.Channel.Endpoint = "/notify"; break;
            case "unknown-topic": subscription.Criteria = "https://skin-triage.org/fhir/SubscriptionTopic/everything"; break;
            case "xml-payload": subscription.Channel.Payload = "application/fhir+xml"; break;
            case "unknown-content": subscription.Channel.PayloadElement.AddExtension(SubscriptionTopics.PayloadContentExtension, new Code("everything")); break;
            case "filter-other-than-patient": subscription.CriteriaElement.AddExtension(SubscriptionTopics.FilterCriteriaExtension, new FhirString("RiskAssessment?probability=gt0.5")); break;
            case "header-without-colon": subscription.Channel.Header = ["Authorization Bearer abc"]; break;
            case "header-the-server-sets": subscription.Channel.Header = ["Content-Type: text/plain"]; break;
            default: subscription.Status = Subscription.SubscriptionStatus.Off; break;
        }

        await (await server.SendAsync(HttpMethod.Post, "/fhir/Subscription", subscription)).ShouldBeRefusedAsync(422, server, before);
        (await server.CountAsync("Subscriptions")).Should().Be(0);
    }

    [Fact]
    public async Task A_written_result_notifies_the_subscriber_with_the_RiskAssessment()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var subscription = await server.CreateAsync(ehr.Subscription());
        var patient = await server.CreateAsync(Resources.Patient());

        var (_, riskAssessment) = await ClassifiedPhotos.PostAsync(server, patient.Id!);

        var notification = (await ehr.WaitForAsync(1)).Should().ContainSingle().Subject;
        notification.Type.Should().Be(Bundle.BundleType.History);
        var status = notification.Entry[0].Resource.Should().BeOfType<Parameters>().Subject;
        status.Meta.Profile.Should().Contain(SubscriptionTopics.StatusProfile);
        ((ResourceReference)status.GetSingle("subscription").Value).Reference.Should().EndWith($"/fhir/Subscription/{subscription.Id}");
        ((Canonical)status.GetSingle("topic").Value).Value.Should().Be(SubscriptionTopics.ResultAvailable);
        ((Code)status.GetSingle("type").Value).Value.Should().Be("event-notification");
        ((FhirString)status.GetSingle("events-since-subscription-start").Value).Value.Should().Be("1");
        var focus = (ResourceReference)status.GetSingle("notification-event").Part.Single(p => p.Name == "focus").Value;
        focus.Reference.Should().EndWith($"/fhir/RiskAssessment/{riskAssessment.Id}");
        notification.Entry[1].FullUrl.Should().Be(focus.Reference);
        notification.Entry[1].Resource.Should().BeNull("the payload is id-only by default");
    }

    [Fact]
    public async Task The_channel_headers_go_with_every_POST_to_the_endpoint()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        var subscription = ehr.Subscription();
        subscription.Channel.Header = ["Authorization: Bearer ehr-token-1", "X-Ehr-Tenant:north"];
        await server.CreateAsync(subscription);
        var patient = await server.CreateAsync(Resources.Patient());

        await ClassifiedPhotos.PostAsync(server, patient.Id!);

        await ehr.WaitForAsync(1);
        ehr.AcceptedTypes.Should().Equal(NotificationBundle.Handshake, NotificationBundle.EventNotification);
        ehr.RequestHeaders.Should().HaveCount(2).And.OnlyContain(h => h["Authorization"] == "Bearer ehr-token-1" && h["X-Ehr-Tenant"] == "north");
        ehr.RequestHeaders.Should().OnlyContain(h => h["Content-Type"].StartsWith(SubscriptionTopics.FhirJson));
    }

    [Fact]
    public async Task An_EHR_that_is_down_gets_each_notification_once_it_is_back_in_event_order()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync(failures: 4);
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery());
        await server.CreateAsync(ehr.Subscription(content: SubscriptionTopics.FullResource));
        var patient = await server.CreateAsync(Resources.Patient());

        var (_, first) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        var (_, second) = await ClassifiedPhotos.PostAsync(server, patient.Id!);

        var delivered = await ehr.WaitForAsync(2);
        await Task.Delay(300);
        ehr.Accepted.Should().HaveCount(2, "each event is delivered exactly once");
        delivered.Select(b => b.Entry[1].Resource.Should().BeOfType<RiskAssessment>().Subject.Id).Should().Equal(first.Id, second.Id);
        ehr.Requests.Should().Be(7, "the handshake, four refused tries, then one POST per event");
        var rows = await server.QueryAsync("SELECT EventNumber, Attempts, DeliveredAt IS NOT NULL, LastError FROM SubscriptionNotifications ORDER BY EventNumber");
        rows.Select(r => r[0]).Should().Equal("1", "2");
        rows.Should().OnlyContain(r => r[2] == "1" && r[3] == null);
    }

    [Fact]
    public async Task A_subscriber_that_never_answers_is_set_to_error_after_the_configured_attempts()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync(failures: int.MaxValue);
        await using var server = await IntakeServer.StartAsync(Subscriptions.FastDelivery(maxAttempts: 3));
        var subscription = await server.CreateAsync(ehr.Subscription());
        var patient = await server.CreateAsync(Resources.Patient());

        await ClassifiedPhotos.PostAsync(server, patient.Id!);

        Subscription? current = null;
        await Poll.UntilAsync(async () =>
        {
            current = await (await server.Client.GetAsync($"/fhir/Subscription/{subscription.Id}")).ReadResourceAsync<Subscription>();
            return current.Status == Subscription.SubscriptionStatus.Error;
        }, "the subscription in error");

        current!.Status.Should().Be(Subscription.SubscriptionStatus.Error);
        current.Error.Should().Contain("HTTP 503");
        ehr.Requests.Should().Be(4, "the accepted handshake, then three refused tries");
        (await server.QueryAsync("SELECT DeliveredAt FROM SubscriptionNotifications")).Single()[0].Should().BeNull("it is kept, undelivered");
    }
}
