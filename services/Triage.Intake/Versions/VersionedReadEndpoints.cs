using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;
using Triage.Intake.Search;
using Triage.Intake.Storage;

namespace Triage.Intake.Versions;

/// <summary>
/// read (<c>GET /fhir/{type}/{id}</c>), vread (<c>.../_history/{vid}</c>) and history (<c>.../_history</c>) of stored resources.
/// An unknown id or version is 404; a deleted resource (only Subscriptions can be) is 410, with none of its versions kept.
/// </summary>
public static class VersionedReadEndpoints
{
    /// <summary>read, with <c>_summary</c> (true, text, data or false) or <c>_elements</c> if asked; 304 for a client copy that is current (<see cref="ConditionalRead"/>).</summary>
    public static Delegate Read(string type) =>
        async (string id, HttpRequest request, FhirResourceStore store, CancellationToken cancellationToken) =>
        {
            var subset = ResourceSubset.OfRead(request, type);
            var resource = await store.ReadAsync(type, id, cancellationToken) ?? throw await store.NotFoundAsync(type, id, cancellationToken);
            return ConditionalRead.IsNotModified(request, resource)
                ? FhirResults.NotModified(resource)
                : FhirResults.Resource(subset.Mark(resource), subset.Filter());
        };

    public static Delegate VersionRead(string type) =>
        async (string id, string vid, FhirResourceStore store, CancellationToken cancellationToken) =>
        {
            if (int.TryParse(vid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
                && await store.ReadVersionAsync(type, id, version, cancellationToken) is { } resource)
            {
                return FhirResults.Resource(resource);
            }

            throw await store.ExistsAsync(type, id, cancellationToken)
                ? FhirErrors.VersionNotFound(type, id, vid)
                : await store.NotFoundAsync(type, id, cancellationToken);
        };

    public static Delegate History(string type) =>
        async (string id, HttpRequest request, FhirResourceStore store, CancellationToken cancellationToken) =>
        {
            var versions = await store.HistoryAsync(type, id, cancellationToken);
            return versions.Count == 0
                ? throw await store.NotFoundAsync(type, id, cancellationToken)
                : FhirResults.Resource(HistoryBundle.Create(versions, FhirResults.BaseUrl(request), FhirResults.RequestUrl(request)));
        };
}
