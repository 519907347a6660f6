using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.ToTable("Outbox");
        entity.Property(m => m.MessageType).HasMaxLength(256);
        entity.HasIndex(m => new { m.SentAt, m.CreatedAt });
    }
}
