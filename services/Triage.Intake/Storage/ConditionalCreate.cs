using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Resources;

namespace Triage.Intake.Storage;

/// <summary>
/// Conditional create by business identifier (<c>If-None-Exist: identifier=system|value</c>), and the
/// identifier rows whose unique key keeps each Patient and Media single under concurrent posts.
/// </summary>
public sealed class ConditionalCreate(TriageDbContext db)
{
    private static readonly HashSet<string> IdentifiedTypes = ["Patient", "Media"];

    /// <summary>The id of the one existing resource the condition matches, or null when none does.</summary>
    public async Task<string?> FindMatchAsync(string resourceType, string condition, string expression, CancellationToken cancellationToken)
    {
        if (!IdentifiedTypes.Contains(resourceType))
        {
            throw FhirErrors.BadRequest(
                $"Conditional create is supported for Patient and Media, not {resourceType}.", expression, OperationOutcome.IssueType.NotSupported);
        }

        var (system, value) = Parse(condition, expression);
        var matches = await db.ResourceIdentifiers.AsNoTracking()
            .Where(i => i.ResourceType == resourceType && i.Value == value && (system == null || i.System == system))
            .Select(i => i.ResourceId).Distinct().OrderBy(id => id).Take(2).ToListAsync(cancellationToken);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw FhirErrors.WithStatus(412, [FhirErrors.Issue(OperationOutcome.IssueType.MultipleMatches,
                $"The condition '{condition}' matches more than one {resourceType}.", expression)]),
        };
    }

    /// <summary>Adds the identifier rows of a new Patient or Media to the unit of work.</summary>
    public void Register(Resource resource)
    {
        foreach (var (system, value) in KeysOf(resource))
        {
            db.ResourceIdentifiers.Add(new ResourceIdentifier
            {
                ResourceType = resource.TypeName, System = system, Value = value, ResourceId = resource.Id!,
            });
        }
    }

    /// <summary>
    /// Makes the identifier rows of an updated Patient or Media those of its new version.
    /// </summary>
    /// <exception cref="FhirRequestException">409 when another resource of the type already has one of the new identifiers.</exception>
    public async Task ReregisterAsync(Resource resource, CancellationToken cancellationToken)
    {
        if (!IdentifiedTypes.Contains(resource.TypeName))
        {
            return;
        }

        var wanted = KeysOf(resource).ToHashSet();
        var held = await db.ResourceIdentifiers
            .Where(i => i.ResourceType == resource.TypeName && i.ResourceId == resource.Id)
            .ToListAsync(cancellationToken);
        db.ResourceIdentifiers.RemoveRange(held.Where(i => !wanted.Contains((i.System, i.Value))));
        foreach (var (system, value) in wanted.Where(k => !held.Any(i => (i.System, i.Value) == k)))
        {
            if (await db.ResourceIdentifiers.AnyAsync(
                    i => i.ResourceType == resource.TypeName && i.System == system && i.Value == value, cancellationToken))
            {
                throw FhirErrors.Conflict(
                    $"Another {resource.TypeName} already has the identifier {system}|{value}.", $"{resource.TypeName}.identifier");
            }

            db.ResourceIdentifiers.Add(new ResourceIdentifier
            {
                ResourceType = resource.TypeName, System = system, Value = value, ResourceId = resource.Id!,
            });
        }
    }

    private static IEnumerable<(string System, string Value)> KeysOf(Resource resource)
    {
        var identifiers = resource switch
        {
            Patient patient => patient.Identifier,
            Media media => media.Identifier,
            _ => [],
        };
        return identifiers.Where(i => !string.IsNullOrEmpty(i.System) && !string.IsNullOrEmpty(i.Value))
            .Select(i => (i.System!, i.Value!)).Distinct();
    }

    private static (string? System, string Value) Parse(string condition, string expression)
    {
        var parts = condition.TrimStart('?').Split('=', 2);
        if (parts.Length != 2 || parts[0] != "identifier" || parts[1].Length == 0 || parts[1].Contains('&'))
        {
            throw FhirErrors.BadRequest(
                $"Conditional create supports one search, identifier=system|value; got '{condition}'.", expression, OperationOutcome.IssueType.NotSupported);
        }

        var token = Uri.UnescapeDataString(parts[1]);
        var bar = token.IndexOf('|');
        return bar < 0 ? (null, token) : (token[..bar], token[(bar + 1)..]);
    }
}
