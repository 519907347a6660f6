using Microsoft.EntityFrameworkCore;
using Triage.Data.Cases;
using Triage.Data.Images;
using Triage.Data.Labels;
using Triage.Data.Outbox;
using Triage.Data.Resources;
using Triage.Data.Results;
using Triage.Data.Subscriptions;

namespace Triage.Data;

public sealed class TriageDbContext(DbContextOptions<TriageDbContext> options) : DbContext(options)
{
    public DbSet<FhirResourceRecord> Resources => Set<FhirResourceRecord>();

    public DbSet<DeletedResource> DeletedResources => Set<DeletedResource>();

    public DbSet<ResourceIdentifier> ResourceIdentifiers => Set<ResourceIdentifier>();

    public DbSet<SearchIndexEntry> SearchIndex => Set<SearchIndexEntry>();

    public DbSet<StoredImage> Images => Set<StoredImage>();

    public DbSet<TriageCase> Cases => Set<TriageCase>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<CaseResult> CaseResults => Set<CaseResult>();

    public DbSet<LabelledCase> LabelledCases => Set<LabelledCase>();

    public DbSet<SubscriptionRoute> Subscriptions => Set<SubscriptionRoute>();

    public DbSet<SubscriptionNotification> SubscriptionNotifications => Set<SubscriptionNotification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TriageDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks, which every provider can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
