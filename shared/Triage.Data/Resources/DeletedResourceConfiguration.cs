using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Resources;

internal sealed class DeletedResourceConfiguration : IEntityTypeConfiguration<DeletedResource>
{
    public void Configure(EntityTypeBuilder<DeletedResource> entity)
    {
        entity.ToTable("DeletedResources");
        entity.HasKey(r => new { r.ResourceType, r.ResourceId });
        entity.Property(r => r.ResourceType).HasMaxLength(64);
        entity.Property(r => r.ResourceId).HasMaxLength(64);
    }
}
