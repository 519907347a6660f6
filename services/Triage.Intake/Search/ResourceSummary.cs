using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http;

namespace Triage.Intake.Search;

/// <summary>
/// <c>_summary</c> (FHIR R4 3.1.1.5.8): which part of each resource an answer carries, by Firely's summary filters
/// (see <see cref="ResourceSubset"/>).
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

    /// <summary>The filter that leaves out what the summary does, or null when it keeps everything.</summary>
    public static Func<SerializationFilter>? Filter(SummaryType summary) => summary switch
    {
        SummaryType.True => SerializationFilter.ForSummary,
        SummaryType.Text => SerializationFilter.ForText,
        SummaryType.Data => SerializationFilter.ForData,
        _ => null,
    };
}
