using Hl7.Fhir.Model;
using Triage.Fhir;

namespace Triage.Intake.Storage;

/// <summary>
/// Points the references of new resources at their assigned ids (<c>urn:uuid:</c> fullUrls of a
/// transaction) and refuses references to resources that exist neither in the request nor in the store.
/// </summary>
public sealed class ReferenceResolver(FhirResourceStore store)
{
    public async Task ResolveAsync(
        IReadOnlyList<IncomingResource> incoming,
        IReadOnlyDictionary<string, string> assigned,
        CancellationToken cancellationToken)
    {
        var created = incoming.Select(r => $"{r.Resource.TypeName}/{r.Resource.Id}").ToHashSet(StringComparer.Ordinal);
        foreach (var item in incoming)
        {
            foreach (var reference in item.Resource.Descendants().OfType<ResourceReference>())
            {
                if (reference.Reference is not { Length: > 0 } target || target.StartsWith('#'))
                {
                    continue;
                }

                if (assigned.TryGetValue(target, out var local))
                {
                    reference.Reference = local;
                    continue;
                }

                if (target.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
                {
                    throw FhirErrors.BadRequest(
                        $"Reference '{target}' names no entry of this Bundle.", $"{item.Expression}.descendants().reference", OperationOutcome.IssueType.NotFound);
                }

                var (type, id) = Split(target) ?? throw FhirErrors.BadRequest(
                    $"Reference '{target}' is not a relative reference of the form Type/id.", item.Expression, OperationOutcome.IssueType.Invalid);
                if (!created.Contains(target) && !await store.ExistsAsync(type, id, cancellationToken))
                {
                    throw FhirErrors.BadRequest(
                        $"Reference '{target}' points at a resource that does not exist.", item.Expression, OperationOutcome.IssueType.NotFound);
                }
            }
        }
    }

    private static (string Type, string Id)? Split(string reference)
    {
        var parts = reference.Split('/');
        return parts.Length == 2 && ModelInfo.IsKnownResource(parts[0]) && parts[1].Length > 0 ? (parts[0], parts[1]) : null;
    }
}
