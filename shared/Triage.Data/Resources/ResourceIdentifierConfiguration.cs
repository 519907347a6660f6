using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Resources;

internal sealed class ResourceIdentifierConfiguration : IEntityTypeConfiguration<ResourceIdentifier>
{
    public void Configure(EntityTypeBuilder<ResourceIdentifier> entity)
    {
        entity.ToTable("ResourceIdentifiers");
        entity.HasKey(i => new { i.ResourceType, i.System, i.Value });
        entity.Property(i => i.ResourceType).HasMaxLength(64);
        entity.Property(i => i.System).HasMaxLength(256);
        entity.Property(i => i.Value).HasMaxLength(256);
        entity.Property(i => i.ResourceId).HasMaxLength(64);
        entity.HasIndex(i => new { i.ResourceType, i.ResourceId });
    }
}
