using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Subscriptions;

internal sealed class SubscriptionRouteConfiguration : IEntityTypeConfiguration<SubscriptionRoute>
{
    public void Configure(EntityTypeBuilder<SubscriptionRoute> entity)
    {
        entity.ToTable("Subscriptions");
        entity.Property(s => s.Id).HasMaxLength(64);
        entity.Property(s => s.Topic).HasMaxLength(256);
        entity.Property(s => s.PatientId).HasMaxLength(64);
        entity.Property(s => s.Endpoint).HasMaxLength(2048);
        entity.Property(s => s.Content).HasMaxLength(16);
        entity.Property(s => s.ServerBaseUrl).HasMaxLength(2048);
        entity.Property(s => s.Status).HasMaxLength(16);
        entity.Property(s => s.LastHandshakeError).HasMaxLength(512);
        entity.Property(s => s.EventCount).IsConcurrencyToken();
        entity.HasIndex(s => new { s.Topic, s.Status });
    }
}

internal sealed class SubscriptionNotificationConfiguration : IEntityTypeConfiguration<SubscriptionNotification>
{
    public void Configure(EntityTypeBuilder<SubscriptionNotification> entity)
    {
        entity.ToTable("SubscriptionNotifications");
        entity.Property(n => n.SubscriptionId).HasMaxLength(64);
        entity.Property(n => n.FocusReference).HasMaxLength(256);
        entity.HasOne<SubscriptionRoute>().WithMany().HasForeignKey(n => n.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(n => new { n.SubscriptionId, n.EventNumber }).IsUnique();
        entity.HasIndex(n => new { n.DeliveredAt, n.NextAttemptAt });
    }
}
