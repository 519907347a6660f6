using Hl7.Fhir.Model;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Intake.Subscriptions;

/// <summary>What a valid R4 backport Subscription asks for.</summary>
/// <param name="HeartbeatSeconds">The <c>backport-heartbeat-period</c> asked for, before the server's minimum.</param>
/// <param name="Headers">The <c>channel.header</c>s, one <c>Name: value</c> line each, or null for none.</param>
public sealed record SubscriptionRequest(
    string Topic, string Endpoint, string Content, string? PatientId, int? HeartbeatSeconds, DateTimeOffset? EndsAt, string? Headers)
{
    /// <summary>
    /// Checks a posted Subscription: a rest-hook channel to an absolute http(s) endpoint, an <c>application/fhir+json</c>
    /// payload with content <c>id-only</c> (the default), <c>full-resource</c> or <c>empty</c>, a known topic in
    /// <c>criteria</c>, at most a patient filter, at most one whole heartbeat period, <c>channel.header</c>s the server may
    /// send (<see cref="ChannelHeaders"/>), and status <c>requested</c> (or
    /// <c>active</c>; an update may also ask for <c>off</c>).
    /// </summary>
    /// <exception cref="FhirRequestException">422 with every problem found.</exception>
    public static SubscriptionRequest Check(Subscription subscription, bool isUpdate = false)
    {
        var issues = new List<OperationOutcome.IssueComponent>();
        if (subscription.Status is not (null or Subscription.SubscriptionStatus.Requested or Subscription.SubscriptionStatus.Active)
            && !(isUpdate && subscription.Status == Subscription.SubscriptionStatus.Off))
        {
            issues.Add(FhirErrors.Issue(IssueType.Value, isUpdate
                ? "An update may set status requested (to activate it again), active (to keep it) or off; error is the server's to set."
                : "A new Subscription must have status requested.", "Subscription.status"));
        }

        var topic = subscription.Criteria;
        if (topic is null || !SubscriptionTopics.All.Contains(topic))
        {
            issues.Add(FhirErrors.Issue(IssueType.NotSupported,
                $"criteria must name a topic of this server: {string.Join(" or ", SubscriptionTopics.All)}.", "Subscription.criteria"));
        }

        var patientId = PatientFilter(subscription, topic, issues);
        var channel = subscription.Channel;
        if (channel?.Type != Subscription.SubscriptionChannelType.RestHook)
        {
            issues.Add(FhirErrors.Issue(IssueType.NotSupported, "Only rest-hook channels are supported.", "Subscription.channel.type"));
        }

        var endpoint = channel?.Endpoint;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            issues.Add(FhirErrors.Issue(IssueType.Value, "channel.endpoint must be an absolute http or https URL without credentials.",
                "Subscription.channel.endpoint"));
        }

        var payload = channel?.Payload;
        if (payload is not null && payload.Split(';')[0].Trim() != SubscriptionTopics.FhirJson)
        {
            issues.Add(FhirErrors.Issue(IssueType.NotSupported, $"channel.payload must be {SubscriptionTopics.FhirJson}.", "Subscription.channel.payload"));
        }

        var content = channel?.PayloadElement?.GetExtensionValue<Code>(SubscriptionTopics.PayloadContentExtension)?.Value ?? SubscriptionTopics.IdOnly;
        if (content is not (SubscriptionTopics.IdOnly or SubscriptionTopics.FullResource or SubscriptionTopics.Empty))
        {
            issues.Add(FhirErrors.Issue(IssueType.Value, "The payload content must be id-only, full-resource or empty.", "Subscription.channel.payload"));
        }

        var heartbeat = HeartbeatPeriod(channel, issues);
        var headers = ChannelHeaders.Check([.. (channel?.Header ?? []).Select(h => h ?? "")], issues);
        if (issues.Count > 0)
        {
            throw FhirErrors.Unprocessable(issues);
        }

        return new SubscriptionRequest(topic!, endpoint!, content, patientId, heartbeat, subscription.End, ChannelHeaders.Join(headers));
    }

    private static int? HeartbeatPeriod(Subscription.ChannelComponent? channel, List<OperationOutcome.IssueComponent> issues)
    {
        var extensions = channel?.Extension.Where(e => e.Url == SubscriptionTopics.HeartbeatPeriodExtension).ToList() ?? [];
        if (extensions.Count == 0)
        {
            return null;
        }

        if (extensions is [{ Value: UnsignedInt { Value: > 0 and var seconds } }])
        {
            return seconds;
        }

        issues.Add(FhirErrors.Issue(IssueType.Value, "backport-heartbeat-period must be one valueUnsignedInt of at least 1 (seconds).",
            "Subscription.channel.extension"));
        return null;
    }

    /// <summary>The patient of a <c>backport-filter-criteria</c> such as <c>RiskAssessment?patient=Patient/123</c>; null when there is none.</summary>
    private static string? PatientFilter(Subscription subscription, string? topic, List<OperationOutcome.IssueComponent> issues)
    {
        var filters = subscription.CriteriaElement?.Extension.Where(e => e.Url == SubscriptionTopics.FilterCriteriaExtension).ToList() ?? [];
        if (filters.Count == 0)
        {
            return null;
        }

        var type = topic == SubscriptionTopics.ReviewCompleted ? "Task" : "RiskAssessment";
        var filter = filters.Count == 1 && filters[0].Value is FhirString { Value: { } text } ? text : null;
        var query = filter?.StartsWith(type + "?", StringComparison.Ordinal) == true ? filter[(type.Length + 1)..] : filter;
        if (query?.Split('=', 2) is ["patient", var value])
        {
            var id = value.StartsWith("Patient/", StringComparison.Ordinal) ? value["Patient/".Length..] : value;
            if (id.Length > 0 && !id.Contains('/') && !id.Contains('&'))
            {
                return id;
            }
        }

        issues.Add(FhirErrors.Issue(IssueType.NotSupported,
            $"The only filter supported is one patient: {type}?patient=Patient/{{id}}.", "Subscription.criteria"));
        return null;
    }
}
