using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Triage.Testing;

namespace Triage.Data.Tests;

/// <summary>A real SQLite file, migrated, deleted afterwards.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly string _folder = TestPaths.NewTempFolder("triage-data");

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "triage.db")}";

    public TriageDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TriageDbContext>().UseSqlite(ConnectionString).Options);

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
