using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.Web.Data.Configurations;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(50).IsRequired();
        b.Property(p => p.IdNumber).HasMaxLength(128).IsRequired().IsEncrypted();
        b.Property(p => p.IdNumberHash).HasMaxLength(64).IsRequired();
        b.HasIndex(p => p.IdNumberHash).IsUnique();
        b.Property(p => p.Mobile).HasMaxLength(128).IsEncrypted();
        b.Property(p => p.MobileHash).HasMaxLength(64);
        b.HasIndex(p => p.MobileHash);
        b.Property(p => p.MobileTail).HasMaxLength(4);
        b.Property(p => p.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(p => p.CountyCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CountyCode, p.Name });
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}
