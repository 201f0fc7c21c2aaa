using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.Web.Data.Configurations;

/// <summary>
/// Table BusinessEntities: the credit code is unique (the import matches by it); (CountyCode, Type, Status) and
/// (CountyCode, Name) serve the scoped list's filters and order. 亩 to 2 decimals, revenue in 万元 to 2 decimals.
/// </summary>
public sealed class BusinessEntityConfiguration : IEntityTypeConfiguration<BusinessEntity>
{
    public void Configure(EntityTypeBuilder<BusinessEntity> b)
    {
        b.ToTable("BusinessEntities");
        b.Property(e => e.Name).HasMaxLength(100).IsRequired();
        b.Property(e => e.CreditCode).HasMaxLength(18).IsFixedLength().IsRequired();
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.Property(e => e.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(e => e.CountyCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.LegalRepresentativeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Address).HasMaxLength(200);
        b.Property(e => e.Industry).HasMaxLength(50);
        b.Property(e => e.LivestockScale).HasMaxLength(100);
        b.Property(e => e.LandArea).HasPrecision(12, 2);
        b.Property(e => e.AnnualRevenue).HasPrecision(14, 2);
        b.Property(e => e.SubmittedByUserId).HasMaxLength(64);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.CountyCode, e.Type, e.Status });
        b.HasIndex(e => new { e.CountyCode, e.Name });
        b.HasMany(e => e.People).WithOne().HasForeignKey(m => m.EntityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.History).WithOne().HasForeignKey(h => h.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}
