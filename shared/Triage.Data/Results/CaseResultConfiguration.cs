using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Triage.Data.Results;

internal sealed class CaseResultConfiguration : IEntityTypeConfiguration<CaseResult>
{
    public void Configure(EntityTypeBuilder<CaseResult> entity)
    {
        entity.ToTable("CaseResults");
        entity.HasKey(r => r.CaseId);
        entity.Property(r => r.DecidedBy).HasMaxLength(16);
        entity.Property(r => r.SuggestedDiagnosis).HasMaxLength(8);
        entity.Property(r => r.EscalationReasons).HasMaxLength(256);
        entity.Property(r => r.StudentModel).HasMaxLength(256);
        entity.Property(r => r.TeacherModel).HasMaxLength(256);
        entity.Ignore(r => r.Escalated);
        entity.HasOne<Cases.TriageCase>().WithOne().HasForeignKey<CaseResult>(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
