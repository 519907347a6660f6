using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Resources;
using Triage.Fhir;
using Triage.Intake.Search;

namespace Triage.Intake.Storage;

/// <summary>Creates, reads and searches FHIR resources kept as versioned JSON rows.</summary>
public sealed class FhirResourceStore(TriageDbContext db, TimeProvider clock)
{
    /// <summary>Gives <paramref name="resource"/> version 1 and adds it to the unit of work (saved by the caller).</summary>
    public void AddNew(Resource resource, string? patientId)
    {
        resource.Id ??= NewId();
        resource.Meta ??= new Meta();
        resource.Meta.VersionId = "1";
        resource.Meta.LastUpdated = clock.GetUtcNow();
        db.Resources.Add(new FhirResourceRecord
        {
            ResourceType = resource.TypeName,
            ResourceId = resource.Id,
            VersionId = 1,
            IsCurrent = true,
            LastUpdated = resource.Meta.LastUpdated.Value,
            PatientId = patientId,
            Json = FhirJson.Serialize(resource),
        });
        db.SearchIndex.AddRange(SearchIndexer.EntriesOf(resource));
    }

    /// <summary>
    /// Makes <paramref name="resource"/> the next version after <paramref name="current"/> (a tracked row) in the unit of
    /// work. Two updates of the same version race for the same key: the second commit fails.
    /// </summary>
    public async Task AddVersionAsync(FhirResourceRecord current, Resource resource, string? patientId, CancellationToken cancellationToken)
    {
        current.IsCurrent = false;
        var version = current.VersionId + 1;
        resource.Meta ??= new Meta();
        resource.Meta.VersionId = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        resource.Meta.LastUpdated = clock.GetUtcNow();
        db.Resources.Add(new FhirResourceRecord
        {
            ResourceType = resource.TypeName,
            ResourceId = resource.Id!,
            VersionId = version,
            IsCurrent = true,
            LastUpdated = resource.Meta.LastUpdated.Value,
            PatientId = patientId,
            Json = FhirJson.Serialize(resource),
        });
        db.SearchIndex.RemoveRange(await db.SearchIndex
            .Where(e => e.ResourceType == current.ResourceType && e.ResourceId == current.ResourceId).ToListAsync(cancellationToken));
        db.SearchIndex.AddRange(SearchIndexer.EntriesOf(resource));
    }

    /// <summary>The current version's row, tracked, for an update.</summary>
    public Task<FhirResourceRecord?> FindCurrentForUpdateAsync(string type, string id, CancellationToken cancellationToken) =>
        db.Resources.SingleOrDefaultAsync(r => r.ResourceType == type && r.ResourceId == id && r.IsCurrent, cancellationToken);

    public async Task<Resource?> ReadVersionAsync(string type, string id, int versionId, CancellationToken cancellationToken)
    {
        var json = await db.Resources.AsNoTracking()
            .Where(r => r.ResourceType == type && r.ResourceId == id && r.VersionId == versionId)
            .Select(r => r.Json).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : FhirJson.Parse(json);
    }

    /// <summary>Every version of one resource, newest first; empty when the resource is unknown.</summary>
    public async Task<IReadOnlyList<Resource>> HistoryAsync(string type, string id, CancellationToken cancellationToken)
    {
        var rows = await db.Resources.AsNoTracking()
            .Where(r => r.ResourceType == type && r.ResourceId == id)
            .OrderByDescending(r => r.VersionId).Select(r => r.Json).ToListAsync(cancellationToken);
        return rows.Select(FhirJson.Parse).ToList();
    }

    public async Task<T?> ReadAsync<T>(string id, CancellationToken cancellationToken)
        where T : Resource =>
        (T?)await ReadAsync(ModelInfo.GetFhirTypeNameForType(typeof(T))!, id, cancellationToken);

    public async Task<Resource?> ReadAsync(string type, string id, CancellationToken cancellationToken)
    {
        var record = await db.Resources.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ResourceType == type && r.ResourceId == id && r.IsCurrent, cancellationToken);
        return record is null ? null : FhirJson.Parse(record.Json);
    }

    /// <summary>The record of the resource's deletion, or null when it was never deleted.</summary>
    public Task<DeletedResource?> DeletionOfAsync(string type, string id, CancellationToken cancellationToken) =>
        db.DeletedResources.AsNoTracking().SingleOrDefaultAsync(r => r.ResourceType == type && r.ResourceId == id, cancellationToken);

    /// <summary>404 for an id never known, 410 for one that was deleted.</summary>
    public async Task<FhirRequestException> NotFoundAsync(string type, string id, CancellationToken cancellationToken) =>
        await DeletionOfAsync(type, id, cancellationToken) is { } deletion
            ? FhirErrors.Gone(type, id, deletion.DeletedAt)
            : FhirErrors.NotFound(type, id);

    public Task<bool> ExistsAsync(string type, string id, CancellationToken cancellationToken) =>
        db.Resources.AnyAsync(r => r.ResourceType == type && r.ResourceId == id && r.IsCurrent, cancellationToken);

    /// <summary>Current resources of one type about one patient, newest first.</summary>
    public async Task<IReadOnlyList<T>> ForPatientAsync<T>(string patientId, DateTimeOffset? since, CancellationToken cancellationToken)
        where T : Resource
    {
        var type = ModelInfo.GetFhirTypeNameForType(typeof(T))!;
        var query = db.Resources.AsNoTracking()
            .Where(r => r.ResourceType == type && r.PatientId == patientId && r.IsCurrent);
        if (since is { } from)
        {
            query = query.Where(r => r.LastUpdated >= from);
        }

        var rows = await query.OrderByDescending(r => r.LastUpdated).Select(r => r.Json).ToListAsync(cancellationToken);
        return rows.Select(FhirJson.Parse<T>).ToList();
    }

    public static string NewId() => Guid.NewGuid().ToString();
}
