using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table Regions, keyed by the 12-digit division code; ParentCode indexed to walk the tree down.</summary>
public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12).IsFixedLength();
        b.Property(r => r.Name).HasMaxLength(64).IsRequired();
        b.Property(r => r.NameEn).HasMaxLength(128).IsRequired();
        b.Property(r => r.ParentCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.ParentCode);
        b.Ignore(r => r.CountyCode);
    }
}
