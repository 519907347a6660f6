using Triage.Intake.Subscriptions;
using Status = Hl7.Fhir.Model.Subscription.SubscriptionStatus;

namespace Triage.Intake.Tests.Subscriptions;

/// <summary>The status a PUT leaves a subscription in, and whether it starts a new handshake: every row of the docs' table.</summary>
public sealed class SubscriptionStatusTransitionTests
{
    [Theory]
    [InlineData("active", Status.Off, false, "off", false)]
    [InlineData("error", Status.Off, false, "off", false)]
    [InlineData("active", Status.Requested, false, "requested", true)]
    [InlineData("error", Status.Requested, false, "requested", true)]
    [InlineData("off", Status.Requested, false, "requested", true)]
    [InlineData("requested", Status.Requested, false, "requested", false)]
    [InlineData("requested", Status.Requested, true, "requested", true)]
    [InlineData("active", Status.Active, false, "active", false)]
    [InlineData("active", null, false, "active", false)]
    [InlineData("active", Status.Active, true, "requested", true)]
    [InlineData("error", Status.Active, false, "requested", true)]
    [InlineData("off", null, false, "requested", true)]
    [InlineData("requested", Status.Active, false, "requested", false)]
    public void An_update_leaves_the_status_the_table_gives(string current, Status? asked, bool endpointChanged, string expected, bool handshake)
    {
        var next = SubscriptionStatusTransition.AfterUpdate(current, asked, endpointChanged);

        next.Should().Be(expected);
        SubscriptionStatusTransition.StartsHandshake(current, next, endpointChanged).Should().Be(handshake);
    }
}
