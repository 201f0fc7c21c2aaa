using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table IndicatorSnapshots: one value per day, county and indicator (unique), so a rerun of the nightly job cannot double a row.</summary>
public sealed class IndicatorSnapshotConfiguration : IEntityTypeConfiguration<IndicatorSnapshot>
{
    public void Configure(EntityTypeBuilder<IndicatorSnapshot> b)
    {
        b.ToTable("IndicatorSnapshots");
        b.Property(s => s.CountyCode).HasMaxLength(12).IsFixedLength();
        b.Property(s => s.Value).HasPrecision(18, 2);
        b.HasOne<Region>().WithMany().HasForeignKey(s => s.CountyCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.Day, s.CountyCode, s.Indicator }).IsUnique();
    }
}
