using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Triage.Training.Registry;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a host.</summary>
internal sealed class DesignTimeTrainingDbContextFactory : IDesignTimeDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TrainingDbContext>()
            .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(TrainingDbContext.MigrationsHistoryTable))
            .Options);
}
