namespace Triage.Intake.Subscriptions;

/// <summary>The topics an R4 Subscription may name in <c>criteria</c>, and the Subscriptions R5 Backport IG's canonicals.</summary>
public static class SubscriptionTopics
{
    /// <summary>A RiskAssessment was written for a case; the focus is the RiskAssessment.</summary>
    public const string ResultAvailable = "https://skin-triage.org/fhir/SubscriptionTopic/result-available";

    /// <summary>A dermatologist completed a review Task; the focus is the Task.</summary>
    public const string ReviewCompleted = "https://skin-triage.org/fhir/SubscriptionTopic/review-completed";

    public static IReadOnlyList<string> All { get; } = [ResultAvailable, ReviewCompleted];

    private const string Backport = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";

    public const string SubscriptionProfile = Backport + "backport-subscription";
    public const string StatusProfile = Backport + "backport-subscription-status-r4";
    public const string PayloadContentExtension = Backport + "backport-payload-content";
    public const string FilterCriteriaExtension = Backport + "backport-filter-criteria";

    /// <summary>On <c>Subscription.channel</c>: seconds without notifications after which a heartbeat is sent (unsignedInt).</summary>
    public const string HeartbeatPeriodExtension = Backport + "backport-heartbeat-period";

    public const string FhirJson = "application/fhir+json";
    public const string IdOnly = "id-only";
    public const string FullResource = "full-resource";
    public const string Empty = "empty";
}
