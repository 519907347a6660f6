using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Labels;

internal sealed class LabelledCaseConfiguration : IEntityTypeConfiguration<LabelledCase>
{
    public void Configure(EntityTypeBuilder<LabelledCase> entity)
    {
        entity.ToTable("LabelledCases");
        entity.Property(l => l.PatientId).HasMaxLength(64);
        entity.Property(l => l.Label).HasMaxLength(8);
        entity.Property(l => l.Source).HasConversion<string>().HasMaxLength(16);
        entity.Property(l => l.LabelledBy).HasMaxLength(256);
        entity.Property(l => l.ObservationId).HasMaxLength(64);
        entity.HasIndex(l => l.CaseId).IsUnique();
        entity.HasIndex(l => l.LabelledAt);
        entity.HasOne<Cases.TriageCase>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Images.StoredImage>().WithMany().HasForeignKey(l => l.ImageId).OnDelete(DeleteBehavior.Restrict);
    }
}
