using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Fhir.Conformance;
using Triage.Intake.Fhir;

namespace Triage.Intake.Conformance;

/// <summary>
/// The project's own StructureDefinitions, CodeSystems and ValueSets, read-only: read by id, and search by <c>url</c> or
/// without parameters (all of the type). They are part of the build, not of the database.
/// </summary>
public static class ConformanceEndpoints
{
    public static IReadOnlyList<string> Types { get; } = ["StructureDefinition", "CodeSystem", "ValueSet"];

    public static SupportedSearchParameter UrlParameter { get; } = new("url", SearchParamType.Uri,
        "http://hl7.org/fhir/SearchParameter/conformance-url", "The canonical URL, exactly; a version after | is ignored.", Triage.Intake.Search.SearchKind.Canonical);

    public static Delegate Read(string type) =>
        (string id, ConformanceSource source) => Of(source, type).FirstOrDefault(r => r.Id == id) is { } resource
            ? FhirResults.Resource(resource)
            : FhirResults.NotFound(type, id);

    public static Delegate Search(string type) =>
        (HttpRequest request, ConformanceSource source) =>
        {
            var url = ConformanceSearch.UrlOf(request, type);
            var matches = Of(source, type).Where(r => url is null || ((IVersionableConformanceResource)r).Url == url).ToList();
            return FhirResults.Resource(ConformanceSearch.Bundle(matches, request));
        };

    private static IEnumerable<Resource> Of(ConformanceSource source, string type) => source.Own.Where(r => r.TypeName == type);
}
