using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table AnnualTargets: county targets (ProgramId null) and program targets share it, each unique by its own filtered index.</summary>
public sealed class AnnualTargetConfiguration : IEntityTypeConfiguration<AnnualTarget>
{
    public void Configure(EntityTypeBuilder<AnnualTarget> b)
    {
        b.ToTable("AnnualTargets");
        b.Property(t => t.CountyCode).HasMaxLength(12).IsFixedLength();
        b.Property(t => t.Value).HasPrecision(18, 2);
        // The concurrency token of a target: an UPDATE or DELETE carries WHERE Value = (what the save read), so a save that
        // read a value another officer changed before its write is refused (DbUpdateConcurrencyException; /Reports/Targets).
        b.Property(t => t.Value).IsConcurrencyToken();
        b.HasOne<Region>().WithMany().HasForeignKey(t => t.CountyCode).OnDelete(DeleteBehavior.Restrict);
        // One county target per year and indicator; one program target per program and county.
        b.HasIndex(t => new { t.Year, t.CountyCode, t.Indicator }).IsUnique().HasFilter("\"ProgramId\" IS NULL");
        b.HasIndex(t => new { t.ProgramId, t.CountyCode, t.Indicator }).IsUnique().HasFilter("\"ProgramId\" IS NOT NULL");
    }
}
