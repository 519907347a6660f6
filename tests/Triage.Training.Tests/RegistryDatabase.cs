using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Triage.Testing;
using Triage.Training.Registry;

namespace Triage.Training.Tests;

/// <summary>The registry on a real SQLite file of its own, migrated as the host migrates it.</summary>
public sealed class RegistryDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private RegistryDatabase(string folder, TrainingDbContext db)
    {
        _folder = folder;
        Db = db;
    }

    public TrainingDbContext Db { get; }

    public static async Task<RegistryDatabase> CreateAsync(string name)
    {
        var folder = TestPaths.NewTempFolder(name);
        var db = new TrainingDbContext(new DbContextOptionsBuilder<TrainingDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "registry.db")}", s => s.MigrationsHistoryTable(TrainingDbContext.MigrationsHistoryTable))
            .Options);
        await db.Database.MigrateAsync();
        return new RegistryDatabase(folder, db);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
