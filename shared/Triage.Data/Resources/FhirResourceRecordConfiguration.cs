using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Resources;

internal sealed class FhirResourceRecordConfiguration : IEntityTypeConfiguration<FhirResourceRecord>
{
    public void Configure(EntityTypeBuilder<FhirResourceRecord> entity)
    {
        entity.ToTable("FhirResources");
        entity.HasKey(r => new { r.ResourceType, r.ResourceId, r.VersionId });
        entity.Property(r => r.ResourceType).HasMaxLength(64);
        entity.Property(r => r.ResourceId).HasMaxLength(64);
        entity.Property(r => r.PatientId).HasMaxLength(64);
        entity.HasIndex(r => new { r.ResourceType, r.PatientId, r.IsCurrent });
        entity.HasIndex(r => new { r.ResourceType, r.LastUpdated });
    }
}
