using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Microsoft.AspNetCore.Http;

namespace Triage.Intake.Search;

/// <summary>
/// <c>_summary</c> (FHIR R4 3.1.1.5.8): which part of each resource an answer carries. The elements are chosen by Firely's
/// summary filters; a resource with elements left out is tagged <c>SUBSETTED</c> (by Firely's <c>MarkSubsetted</c>) so that
/// nobody takes it for the whole.
/// </summary>
public static class ResourceSummary
{
    public const string Parameter = "_summary";

    /// <exception cref="FhirRequestException">400 for a value R4 does not define.</exception>
    public static SummaryType Parse(string value) => value switch
    {
        "true" => SummaryType.True,
        "false" => SummaryType.False,
        "text" => SummaryType.Text,
        "data" => SummaryType.Data,
        "count" => SummaryType.Count,
        _ => throw FhirErrors.BadRequest(
            $"{Parameter} must be true, false, text, data or count, not '{value}'.", Parameter, OperationOutcome.IssueType.Invalid),
    };

    /// <summary>The <c>_summary</c> of a read; <c>count</c> is for searches only.</summary>
    /// <exception cref="FhirRequestException">400 for a value R4 does not define, or <c>count</c>.</exception>
    public static SummaryType OfRead(HttpRequest request)
    {
        var given = request.Query[Parameter];
        if (given.Count == 0)
        {
            return SummaryType.False;
        }

        var summary = Parse(given[given.Count - 1] ?? "");
        return summary == SummaryType.Count
            ? throw FhirErrors.BadRequest($"{Parameter}=count applies to a search, not to a read.", Parameter, OperationOutcome.IssueType.Invalid)
            : summary;
    }

    /// <summary>The filter for the resource itself, or null when it is written whole.</summary>
    public static Func<SerializationFilter>? Filter(SummaryType summary) => Element(summary);

    /// <summary>The filter for a search Bundle: the Bundle whole, each resource in it summarised.</summary>
    public static Func<SerializationFilter>? BundleFilter(SummaryType summary) =>
        Element(summary) is { } filter ? () => new Hl7.Fhir.Serialization.BundleFilter(filter()) : null;

    /// <summary>Tags the resource <c>SUBSETTED</c> when the summary leaves elements out; returns it.</summary>
    public static T Mark<T>(T resource, SummaryType summary)
        where T : Resource
    {
        if (Element(summary) is not null && resource is not OperationOutcome)
        {
            SerializationUtil.MarkSubsetted(resource);
        }

        return resource;
    }

    private static Func<SerializationFilter>? Element(SummaryType summary) => summary switch
    {
        SummaryType.True => SerializationFilter.ForSummary,
        SummaryType.Text => SerializationFilter.ForText,
        SummaryType.Data => SerializationFilter.ForData,
        _ => null,
    };
}
