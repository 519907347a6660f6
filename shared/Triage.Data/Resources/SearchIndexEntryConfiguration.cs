using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Resources;

internal sealed class SearchIndexEntryConfiguration : IEntityTypeConfiguration<SearchIndexEntry>
{
    public void Configure(EntityTypeBuilder<SearchIndexEntry> entity)
    {
        entity.ToTable("SearchIndex");
        entity.Property(e => e.ResourceType).HasMaxLength(64);
        entity.Property(e => e.ResourceId).HasMaxLength(64);
        entity.Property(e => e.Name).HasMaxLength(64);
        entity.Property(e => e.System).HasMaxLength(256);
        entity.Property(e => e.Value).HasMaxLength(256);
        entity.HasIndex(e => new { e.ResourceType, e.Name, e.Value });
        entity.HasIndex(e => new { e.ResourceType, e.ResourceId });
    }
}
