using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;

namespace Triage.Intake.Search;

/// <summary><c>GET /fhir/{type}?...</c>: the search parameters and includes of <see cref="SearchCatalogue"/>, paged by <c>_count</c>.</summary>
public static class TypeSearchEndpoint
{
    public static Delegate For(string type) =>
        async (HttpRequest request, ResourceSearcher searcher, CancellationToken cancellationToken) =>
        {
            var search = SearchRequest.Parse(request, type);
            var page = await searcher.SearchAsync(type, search, cancellationToken);
            return FhirResults.Resource(SearchBundle.Create(type, search, page, request));
        };
}
