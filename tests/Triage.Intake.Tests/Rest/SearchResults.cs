using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>Running a search over HTTP and reading its Bundle.</summary>
internal static class SearchResults
{
    public static async Task<Bundle> SearchAsync(this IntakeServer server, string pathAndQuery, params (string Name, string Value)[] headers)
    {
        var response = await server.SendAsync(HttpMethod.Get, pathAndQuery, headers: headers);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bundle = await response.ReadResourceAsync<Bundle>();
        bundle.Type.Should().Be(Bundle.BundleType.Searchset);
        return bundle;
    }

    public static IReadOnlyList<string> MatchIds(this Bundle bundle) =>
        [.. bundle.Entry.Where(e => e.Search.Mode == Bundle.SearchEntryMode.Match).Select(e => e.Resource.Id!)];

    public static string? Link(this Bundle bundle, string relation) => bundle.Link.FirstOrDefault(l => l.Relation == relation)?.Url;
}
