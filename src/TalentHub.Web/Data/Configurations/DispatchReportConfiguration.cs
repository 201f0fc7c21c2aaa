using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table DispatchReports: one report per month ("yyyy-MM", unique), so a rerun of the monthly job cannot issue a second.</summary>
public sealed class DispatchReportConfiguration : IEntityTypeConfiguration<DispatchReport>
{
    public void Configure(EntityTypeBuilder<DispatchReport> b)
    {
        b.ToTable("DispatchReports");
        b.Property(r => r.Month).HasMaxLength(7);
        b.Property(r => r.IssuedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.Month).IsUnique();
    }
}
