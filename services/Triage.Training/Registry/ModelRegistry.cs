using Microsoft.EntityFrameworkCore;

namespace Triage.Training.Registry;

/// <summary>Model versions and their aliases; every alias move writes its audit row in the same save.</summary>
public sealed class ModelRegistry(TrainingDbContext db, TimeProvider clock)
{
    public Task<ModelVersion?> FindAsync(string version, CancellationToken cancellationToken) =>
        db.ModelVersions.SingleOrDefaultAsync(v => v.Version == version, cancellationToken);

    public async Task<ModelVersion?> AliasTargetAsync(string alias, CancellationToken cancellationToken) =>
        (await db.Aliases.Include(a => a.ModelVersion).SingleOrDefaultAsync(a => a.Name == alias, cancellationToken))?.ModelVersion;

    /// <summary>The teacher registered last, which students are distilled from until the next teacher run.</summary>
    public Task<ModelVersion?> LatestTeacherAsync(CancellationToken cancellationToken) =>
        db.ModelVersions.Where(v => v.Role == Contracts.ModelRole.Teacher).OrderByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<ModelVersion> RegisterAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        version.CreatedAt = clock.GetUtcNow();
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    public async Task MoveAliasAsync(string alias, ModelVersion target, string movedBy, string reason, CancellationToken cancellationToken)
    {
        var current = await db.Aliases.SingleOrDefaultAsync(a => a.Name == alias, cancellationToken);
        db.AliasMoves.Add(new AliasMove
        {
            Alias = alias, FromVersionId = current?.ModelVersionId, ToVersionId = target.Id, MovedBy = movedBy, Reason = reason, MovedAt = clock.GetUtcNow(),
        });
        if (current is null)
        {
            db.Aliases.Add(new ModelAlias { Name = alias, ModelVersionId = target.Id });
        }
        else
        {
            current.ModelVersionId = target.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The moves of one alias, oldest first.</summary>
    public Task<List<AliasMove>> HistoryAsync(string alias, CancellationToken cancellationToken) =>
        db.AliasMoves.Where(m => m.Alias == alias).OrderBy(m => m.Id).ToListAsync(cancellationToken);
}
