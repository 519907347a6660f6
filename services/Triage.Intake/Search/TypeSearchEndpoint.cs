using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;

namespace Triage.Intake.Search;

/// <summary>
/// <c>GET /fhir/{type}?...</c>: the search parameters, includes and revincludes of <see cref="SearchCatalogue"/>, sorted by
/// <c>_sort</c>, paged by <c>_count</c>, each resource as <c>_summary</c> or <c>_elements</c> asks, with the total unless <c>_total=none</c>.
/// </summary>
public static class TypeSearchEndpoint
{
    public static Delegate For(string type) =>
        async (HttpRequest request, ResourceSearcher searcher, CancellationToken cancellationToken) =>
        {
            var search = SearchRequest.Parse(request, type);
            var page = await searcher.SearchAsync(type, search, cancellationToken);
            return FhirResults.Resource(SearchBundle.Create(type, search, page, request), search.Subset.BundleFilter());
        };
}
