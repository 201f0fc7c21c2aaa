using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Data.Configurations;

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
