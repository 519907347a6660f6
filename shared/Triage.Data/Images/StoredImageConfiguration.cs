using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Images;

internal sealed class StoredImageConfiguration : IEntityTypeConfiguration<StoredImage>
{
    public void Configure(EntityTypeBuilder<StoredImage> entity)
    {
        entity.ToTable("Images");
        entity.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        entity.Property(i => i.ContentType).HasMaxLength(64);
        entity.HasIndex(i => i.Sha256);
    }
}
