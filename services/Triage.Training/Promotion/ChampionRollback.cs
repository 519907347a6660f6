using Triage.Contracts;
using Triage.Training.Corpus;
using Triage.Training.Registry;

namespace Triage.Training.Promotion;

/// <summary>Moves <c>champion</c> back to an earlier student version whose file is still intact, and announces it.</summary>
public sealed class ChampionRollback(ModelRegistry registry, ChampionAnnouncer announcer)
{
    /// <exception cref="RollbackRefusedException">No such student version, its file is gone or changed, or it already serves.</exception>
    public async Task<ModelVersion> RollbackAsync(string version, string movedBy, string reason, CancellationToken cancellationToken)
    {
        var target = await registry.FindAsync(version, cancellationToken)
            ?? throw new RollbackRefusedException($"The registry has no version '{version}'.");
        if (target.Role != ModelRole.Student)
        {
            throw new RollbackRefusedException($"'{version}' is a {target.Role}; only a student version can be champion.");
        }

        if (!File.Exists(target.ArtefactPath) || FileSha256.Of(target.ArtefactPath) != target.ArtefactSha256)
        {
            throw new RollbackRefusedException($"The file of '{version}' ({target.ArtefactPath}) is missing or no longer has the registered SHA-256.");
        }

        if ((await registry.AliasTargetAsync(ModelAlias.Champion, cancellationToken))?.Id == target.Id)
        {
            throw new RollbackRefusedException($"'{version}' is already the champion.");
        }

        await registry.MoveAliasAsync(ModelAlias.Champion, target, movedBy, reason, cancellationToken);
        await announcer.AnnounceAsync(target, movedBy, reason, cancellationToken);
        return target;
    }
}
