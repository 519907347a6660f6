using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;

namespace Triage.Intake.Conformance;

/// <summary>The search of the conformance resources: <c>url</c> only, every match on one page.</summary>
internal static class ConformanceSearch
{
    private static readonly string[] Ignored = ["_format", "_count"];

    /// <summary>The <c>url</c> searched for (without a version), or null for all.</summary>
    /// <exception cref="FhirRequestException">400 under <c>Prefer: handling=strict</c> for any other parameter; otherwise they are ignored.</exception>
    public static string? UrlOf(HttpRequest request, string type)
    {
        var unsupported = request.Query.Keys.Where(k => k != "url" && !Ignored.Contains(k)).ToList();
        if (unsupported.Count > 0 && PreferHeader.IsStrict(request))
        {
            throw FhirErrors.BadRequest($"{type} is searched by url only; not by {string.Join(", ", unsupported)}.", code: OperationOutcome.IssueType.NotSupported);
        }

        return request.Query["url"].FirstOrDefault()?.Split('|')[0] is { Length: > 0 } url ? url : null;
    }

    public static Bundle Bundle(IReadOnlyList<Resource> matches, HttpRequest request)
    {
        var baseUrl = FhirResults.BaseUrl(request);
        var bundle = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset, Total = matches.Count, Timestamp = DateTimeOffset.UtcNow };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = FhirResults.RequestUrl(request) });
        bundle.Entry.AddRange(matches.Select(r => new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/{r.TypeName}/{r.Id}",
            Resource = r,
            Search = new Bundle.SearchComponent { Mode = Hl7.Fhir.Model.Bundle.SearchEntryMode.Match },
        }));
        return bundle;
    }
}
