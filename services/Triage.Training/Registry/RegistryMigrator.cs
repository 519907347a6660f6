using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Triage.Training.Registry;

/// <summary>Brings the registry to its latest migration before the training jobs start.</summary>
internal sealed class RegistryMigrator(IServiceScopeFactory scopes, ILogger<RegistryMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite
            && Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        logger.RegistryReady(connection.DataSource, pending);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
