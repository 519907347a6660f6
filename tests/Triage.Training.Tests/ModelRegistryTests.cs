using Microsoft.EntityFrameworkCore;
using Triage.Training.Registry;

namespace Triage.Training.Tests;

/// <summary>The registry on a real SQLite file, migrated as the host migrates it.</summary>
public sealed class ModelRegistryTests : IAsyncLifetime
{
    private RegistryDatabase _registry = null!;

    public async Task InitializeAsync() => _registry = await RegistryDatabase.CreateAsync("registry");

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    private TrainingDbContext Db => _registry.Db;

    [Fact]
    public async Task Every_alias_move_leaves_an_audit_row_with_from_to_who_and_why()
    {
        var registry = new ModelRegistry(Db, TimeProvider.System);
        var first = await registry.RegisterAsync(Version("student-r1"), CancellationToken.None);
        var second = await registry.RegisterAsync(Version("student-r2"), CancellationToken.None);

        await registry.MoveAliasAsync(ModelAlias.Champion, first, "training run 1", "passed", CancellationToken.None);
        await registry.MoveAliasAsync(ModelAlias.Champion, second, "training run 2", "passed again", CancellationToken.None);
        await registry.MoveAliasAsync(ModelAlias.Champion, first, "alice", "rollback", CancellationToken.None);

        (await registry.AliasTargetAsync(ModelAlias.Champion, CancellationToken.None))!.Version.Should().Be("student-r1");
        var history = await registry.HistoryAsync(ModelAlias.Champion, CancellationToken.None);
        history.Select(m => (m.FromVersionId, m.ToVersionId, m.MovedBy, m.Reason)).Should().Equal(
            (null, first.Id, "training run 1", "passed"),
            (first.Id, second.Id, "training run 2", "passed again"),
            (second.Id, first.Id, "alice", "rollback"));
        history.Should().BeInAscendingOrder(m => m.MovedAt);
        (await registry.AliasTargetAsync(ModelAlias.Challenger, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_version_is_registered_once()
    {
        var registry = new ModelRegistry(Db, TimeProvider.System);
        await registry.RegisterAsync(Version("student-r1"), CancellationToken.None);

        var again = () => new ModelRegistry(Db, TimeProvider.System).RegisterAsync(Version("student-r1"), CancellationToken.None);
        await again.Should().ThrowAsync<DbUpdateException>();
    }

    private static ModelVersion Version(string version) => new()
    {
        Version = version, Role = "student", Architecture = "efficientnet-b0-metadata", MetricsJson = "{}", ArtefactPath = "/models/" + version, ArtefactSha256 = new string('0', 64),
    };
}
