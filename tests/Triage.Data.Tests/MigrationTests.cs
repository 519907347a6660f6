using Microsoft.EntityFrameworkCore;

namespace Triage.Data.Tests;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_migrations_describe_the_current_model()
    {
        await using var db = _database.NewContext();
        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a migration (dotnet ef migrations add)");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_migrated_file_has_every_table()
    {
        await using var db = _database.NewContext();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        tables.Should().Contain(["FhirResources", "Images", "Cases", "Outbox"]);
    }
}
