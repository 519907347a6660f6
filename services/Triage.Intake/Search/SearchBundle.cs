using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Triage.Intake.Fhir;

namespace Triage.Intake.Search;

/// <summary>
/// A searchset Bundle: self and next links, the matches, what <c>_include</c> and <c>_revinclude</c> added, and an outcome
/// for what was ignored. Under a <c>_summary</c> or <c>_elements</c> that leaves elements out, each resource is tagged <c>SUBSETTED</c>.
/// </summary>
public static class SearchBundle
{
    public static Bundle Create(string type, SearchRequest search, SearchPage page, HttpRequest request)
    {
        var baseUrl = FhirResults.BaseUrl(request);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = page.Total, Timestamp = DateTimeOffset.UtcNow };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = Link(baseUrl, type, search, search.Cursor) });
        if (page.Next is { } next)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(baseUrl, type, search, next) });
        }

        bundle.Entry.AddRange(page.Matches.Select(r => Entry(baseUrl, search.Subset.Mark(r), Bundle.SearchEntryMode.Match)));
        bundle.Entry.AddRange(page.Included.Select(r => Entry(baseUrl, search.Subset.Mark(r), Bundle.SearchEntryMode.Include)));
        if (search.Warnings.Count + page.Warnings.Count > 0)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = FhirErrors.Outcome([.. search.Warnings, .. page.Warnings]),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
            });
        }

        return bundle;
    }

    private static Bundle.EntryComponent Entry(string baseUrl, Resource resource, Bundle.SearchEntryMode mode) => new()
    {
        FullUrl = $"{baseUrl}/{resource.TypeName}/{resource.Id}",
        Resource = resource,
        Search = new Bundle.SearchComponent { Mode = mode },
    };

    private static string Link(string baseUrl, string type, SearchRequest search, SearchCursor? cursor)
    {
        var parameters = search.Kept.Where(p => p.Key != "_count").ToList();
        parameters.Add(new("_count", search.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (cursor is not null)
        {
            parameters.Add(new(SearchCursor.Parameter, cursor.Encode()));
        }

        return QueryHelpers.AddQueryString($"{baseUrl}/{type}", parameters!);
    }
}
