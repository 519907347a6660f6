using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Triage.Data.Resources;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Intake.Search;

/// <summary>The search index rows of a resource's current version: what <see cref="SearchKind.Token"/>,
/// <see cref="SearchKind.Reference"/> and <see cref="SearchKind.Date"/> parameters look up.</summary>
public static class SearchIndexer
{
    private const string TaskStatusSystem = "http://hl7.org/fhir/task-status";
    private const string SubscriptionStatusSystem = "http://hl7.org/fhir/subscription-status";

    public static IEnumerable<SearchIndexEntry> EntriesOf(Resource resource)
    {
        IEnumerable<SearchIndexEntry?> entries = resource switch
        {
            FhirTask task =>
            [
                task.Status is { } status ? Entry(task, "status", TaskStatusSystem, status.GetLiteral()) : null,
                Reference(task, "owner", task.Owner),
                Reference(task, "focus", task.Focus),
            ],
            Provenance provenance =>
            [
                .. provenance.Target.Select(t => Reference(provenance, "target", t)),
                .. provenance.Agent.Select(a => Reference(provenance, "agent", a.Who)),
            ],
            Subscription subscription =>
                [subscription.Status is { } status ? Entry(subscription, "status", SubscriptionStatusSystem, status.GetLiteral()) : null],
            Media media => [Date(media, "created", media.Created)],
            Observation observation =>
            [
                .. observation.Code?.Coding.Where(c => c.Code is not null).Select(c => Entry(observation, "code", c.System, c.Code)) ?? [],
                .. observation.Focus.Select(f => Reference(observation, "focus", f)),
                .. observation.DerivedFrom.Select(d => Reference(observation, "derived-from", d)),
            ],
            _ => [],
        };
        return entries.OfType<SearchIndexEntry>();
    }

    /// <summary><c>Type/id</c> of a relative reference, without a version; null for anything else.</summary>
    public static string? Normalise(string? reference) =>
        reference?.Split('/') is [var type, var id, ..] && ModelInfo.IsKnownResource(type) && id.Length > 0 ? $"{type}/{id}" : null;

    private static SearchIndexEntry? Reference(Resource resource, string name, ResourceReference? reference) =>
        Normalise(reference?.Reference) is { } value ? Entry(resource, name, null, value) : null;

    private static SearchIndexEntry? Date(Resource resource, string name, DataType? value)
    {
        var (start, end) = value switch
        {
            FhirDateTime dateTime => (DateRange.Span(dateTime.Value ?? "")?.Start, DateRange.Span(dateTime.Value ?? "")?.End),
            Period period => (Span(period.Start)?.Start ?? DateTimeOffset.MinValue, Span(period.End)?.End ?? DateTimeOffset.MaxValue),
            _ => ((DateTimeOffset?)null, (DateTimeOffset?)null),
        };
        if (start is null || end is null)
        {
            return null;
        }

        var entry = Entry(resource, name, null, null);
        (entry.Start, entry.End) = (start, end);
        return entry;
    }

    private static (DateTimeOffset Start, DateTimeOffset End)? Span(string? date) => date is null ? null : DateRange.Span(date);

    private static SearchIndexEntry Entry(Resource resource, string name, string? system, string? value) => new()
    {
        ResourceType = resource.TypeName, ResourceId = resource.Id!, Name = name, System = system, Value = value,
    };
}
