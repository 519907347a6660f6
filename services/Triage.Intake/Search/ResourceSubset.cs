using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;

namespace Triage.Intake.Search;

/// <summary>
/// Which part of each resource an answer carries: all of it, a <c>_summary</c>, or the <c>_elements</c> asked for (one or
/// the other). The elements are chosen by Firely's serialization filters; a resource with elements left out is tagged
/// <c>SUBSETTED</c> (by Firely's <c>MarkSubsetted</c>) so that nobody takes it for the whole.
/// </summary>
/// <param name="Elements">The element names asked for and known to the type (perhaps none), or null when <c>_elements</c> was not given.</param>
public sealed record ResourceSubset(SummaryType Summary, IReadOnlyList<string>? Elements)
{
    private bool LeavesOut => Filter() is not null;

    /// <summary>
    /// The subset of a read. An element name the type does not have is ignored, or refused under
    /// <c>Prefer: handling=strict</c>.
    /// </summary>
    /// <exception cref="FhirRequestException">400 for a <c>_summary</c> R4 does not define, <c>count</c>, or both parameters.</exception>
    public static ResourceSubset OfRead(HttpRequest request, string type)
    {
        var summary = ResourceSummary.OfRead(request);
        var given = request.Query[ResourceElements.Parameter];
        if (given.Count == 0)
        {
            return new ResourceSubset(summary, null);
        }

        var (known, unknown) = ResourceElements.Parse(given.Select(v => v ?? ""), type);
        if (unknown.Count > 0 && PreferHeader.IsStrict(request))
        {
            throw FhirErrors.BadRequest(UnknownElements(unknown, type, strict: true));
        }

        return Of(summary, known);
    }

    /// <exception cref="FhirRequestException">400 when a <c>_summary</c> other than <c>false</c> comes with <c>_elements</c>.</exception>
    public static ResourceSubset Of(SummaryType summary, IReadOnlyList<string>? elements) =>
        elements is not null && summary != SummaryType.False
            ? throw FhirErrors.BadRequest(
                $"{ResourceSummary.Parameter} and {ResourceElements.Parameter} choose the elements each in their own way; give one of them.",
                ResourceElements.Parameter, OperationOutcome.IssueType.Invalid)
            : new ResourceSubset(summary, elements);

    /// <summary>One issue per element name the type does not have: an error under strict handling, else a warning.</summary>
    public static IEnumerable<OperationOutcome.IssueComponent> UnknownElements(IEnumerable<string> names, string type, bool strict) =>
        names.Select(n => FhirErrors.Issue(
            OperationOutcome.IssueType.NotSupported,
            $"{type} has no element '{n}'{(strict ? "" : "; it was ignored")} ({ResourceElements.Parameter}).",
            ResourceElements.Parameter,
            strict ? OperationOutcome.IssueSeverity.Error : OperationOutcome.IssueSeverity.Warning));

    /// <summary>The filter for the resource itself, or null when it is written whole.</summary>
    public Func<SerializationFilter>? Filter()
    {
        if (Elements is not null)
        {
            var kept = ResourceElements.Kept(Elements);
            return () => SerializationFilter.ForElements(kept);
        }

        return ResourceSummary.Filter(Summary);
    }

    /// <summary>The filter for a search Bundle: the Bundle whole, each resource in it subset.</summary>
    public Func<SerializationFilter>? BundleFilter() =>
        Filter() is { } filter ? () => new Hl7.Fhir.Serialization.BundleFilter(filter()) : null;

    /// <summary>Tags the resource <c>SUBSETTED</c> when the subset leaves elements out; returns it.</summary>
    public T Mark<T>(T resource)
        where T : Resource
    {
        if (LeavesOut && resource is not OperationOutcome)
        {
            SerializationUtil.MarkSubsetted(resource);
        }

        return resource;
    }
}
