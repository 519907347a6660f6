using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Cases;

internal sealed class TriageCaseConfiguration : IEntityTypeConfiguration<TriageCase>
{
    public void Configure(EntityTypeBuilder<TriageCase> entity)
    {
        entity.ToTable("Cases");
        entity.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        entity.Property(c => c.PatientId).HasMaxLength(64);
        entity.Property(c => c.MediaId).HasMaxLength(64);
        entity.Property(c => c.RiskAssessmentId).HasMaxLength(64);
        entity.Property(c => c.ReviewTaskId).HasMaxLength(64);
        entity.Property(c => c.ReviewClaimedBy).HasMaxLength(256);
        entity.Property(c => c.ReviewedBy).HasMaxLength(256);
        entity.Ignore(c => c.Claim);
        entity.Property(c => c.Revision).IsConcurrencyToken();
        entity.HasIndex(c => c.MediaId).IsUnique();
        entity.HasIndex(c => new { c.Status, c.UpdatedAt });
        // The done worklist: decided cases newest decision first, a page at a time.
        entity.HasIndex(c => new { c.Status, c.ReviewedAt });
        entity.HasIndex(c => new { c.PatientId, c.LesionKey });
        entity.HasIndex(c => c.ClassifyAfter);
        entity.HasOne<Images.StoredImage>().WithMany().HasForeignKey(c => c.ImageId).OnDelete(DeleteBehavior.Restrict);
    }
}
