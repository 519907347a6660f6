using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Authorization;
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
            var caller = FhirCaller.Of(request.HttpContext);
            if (search.Criteria.Any(c => c.Parameter.Kind == SearchKind.PatientIdentifier))
            {
                // A search by a patient's identifier searches Patients too.
                caller?.Demand([new FhirAccess("Patient", SmartScopes.Search)]);
            }

            var page = ReadableBy(caller, await searcher.SearchAsync(type, search, cancellationToken));
            return FhirResults.Resource(SearchBundle.Create(type, search, page, request), search.Subset.BundleFilter());
        };

    /// <summary>The page without the included resources whose type the caller may not read, saying which types were left out.</summary>
    private static SearchPage ReadableBy(FhirCaller? caller, SearchPage page)
    {
        var hidden = caller is null ? [] : page.Included.Select(r => r.TypeName).Distinct().Where(t => !caller.Allows(t, SmartScopes.Read)).ToList();
        return hidden.Count == 0 ? page : page with
        {
            Included = [.. page.Included.Where(r => !hidden.Contains(r.TypeName))],
            Warnings =
            [
                .. page.Warnings,
                .. hidden.Select(t => FhirErrors.Issue(OperationOutcome.IssueType.Forbidden,
                    $"Included {t} resources were left out: the access token does not grant {SmartScopes.Naming(t, SmartScopes.Read)}.",
                    severity: OperationOutcome.IssueSeverity.Warning)),
            ],
        };
    }
}
