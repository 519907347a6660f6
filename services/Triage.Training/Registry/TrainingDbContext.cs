using Microsoft.EntityFrameworkCore;

namespace Triage.Training.Registry;

/// <summary>The model registry and the training runs. Its migrations keep their own history table, so it can
/// share a database with the platform's other contexts.</summary>
public sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__TrainingMigrationsHistory";

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<ModelAlias> Aliases => Set<ModelAlias>();

    public DbSet<AliasMove> AliasMoves => Set<AliasMove>();

    public DbSet<TrainingRunRecord> TrainingRuns => Set<TrainingRunRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ModelVersion>(version =>
        {
            version.ToTable("ModelVersions");
            version.HasIndex(v => v.Version).IsUnique();
            version.Property(v => v.Version).HasMaxLength(64);
            version.Property(v => v.Role).HasMaxLength(16);
            version.Property(v => v.Architecture).HasMaxLength(128);
            version.Property(v => v.CorpusHash).HasMaxLength(64);
            version.Property(v => v.ArtefactSha256).HasMaxLength(64);
            version.HasOne(v => v.ParentTeacher).WithMany().HasForeignKey(v => v.ParentTeacherId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ModelAlias>(alias =>
        {
            alias.ToTable("ModelAliases");
            alias.HasKey(a => a.Name);
            alias.Property(a => a.Name).HasMaxLength(32);
            alias.HasOne(a => a.ModelVersion).WithMany().HasForeignKey(a => a.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<AliasMove>(move =>
        {
            move.ToTable("AliasMoves");
            move.Property(m => m.Alias).HasMaxLength(32);
            move.Property(m => m.MovedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<TrainingRunRecord>(run =>
        {
            run.ToTable("TrainingRuns");
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            run.Property(r => r.JobId).HasMaxLength(64);
            run.Property(r => r.TriggeredBy).HasMaxLength(128);
            run.Property(r => r.CorpusHash).HasMaxLength(64);
            run.Property(r => r.FailedStep).HasMaxLength(32);
            run.Property(r => r.Outcome).HasMaxLength(32);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; UTC ticks work on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
