using Hl7.Fhir.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Intake.Storage;
using Triage.Intake.Validation;

namespace Triage.Intake.Versions;

/// <summary>
/// <c>PUT /fhir/{type}/{id}</c>: stores a new version of an existing resource, checked as a create is, and
/// only if it is still the version <c>If-Match</c> names. Ids are the server's: an update never creates.
/// </summary>
public sealed class ResourceUpdate(
    TriageDbContext db,
    FhirResourceStore store,
    ReferenceResolver references,
    ConditionalCreate identifiers,
    IntakeProfileCheck profiles,
    ILogger<ResourceUpdate> logger)
{
    private static readonly Dictionary<string, string> NoNewIds = [];

    public async Task<Resource> UpdateAsync(string type, string id, Resource resource, string? ifMatch, CancellationToken cancellationToken)
    {
        var expectedVersion = IfMatchHeader.VersionOf(ifMatch);
        if (string.IsNullOrEmpty(resource.Id))
        {
            throw FhirErrors.BadRequest("An update must carry the resource's id.", $"{type}.id", OperationOutcome.IssueType.Required);
        }

        if (resource.Id != id)
        {
            throw FhirErrors.BadRequest($"The resource's id '{resource.Id}' is not the id in the URL, '{id}'.", $"{type}.id");
        }

        var current = await store.FindCurrentForUpdateAsync(type, id, cancellationToken) ?? throw (expectedVersion is null
            ? FhirErrors.MethodNotAllowed($"{type}/{id} does not exist, and updates do not create: the server assigns ids, POST to create.")
            : FhirErrors.NotFound(type, id));
        if (expectedVersion is not null && expectedVersion != current.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw VersionConflict(type, id, $"If-Match names version {expectedVersion} but the current version is {current.VersionId}.");
        }

        var item = new IncomingResource(resource, null, type);
        await references.ResolveAsync([item], NoNewIds, cancellationToken);
        IntakeRules.Check(item);
        profiles.Check([item]);
        await identifiers.ReregisterAsync(resource, cancellationToken);
        await store.AddVersionAsync(current, resource, IntakeRules.PatientIdOf(resource), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException failure) when (failure.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            db.ChangeTracker.Clear();
            throw expectedVersion is null
                ? FhirErrors.Conflict($"{type}/{id} or one of its identifiers was changed by another request at the same time; read it and try again.")
                : VersionConflict(type, id, $"{type}/{id} was updated by another request after version {expectedVersion}.");
        }

        logger.ResourceUpdated(type, id, current.VersionId + 1);
        return resource;
    }

    private static FhirRequestException VersionConflict(string type, string id, string message) =>
        FhirErrors.PreconditionFailed($"{message} Read {type}/{id} again and update that version.", "If-Match");
}
