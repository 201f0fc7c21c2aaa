using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.Web.Data.Configurations;

/// <summary>
/// Table People (and the owned Ventures): ID number, mobile and e-mail stored encrypted; the keyed ID-number hash is
/// unique (duplicates refused city-wide, GB 11643 number); mobile hash and last four digits indexed for lookup.
/// </summary>
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
        b.Property(p => p.Email).HasMaxLength(400).IsEncrypted();
        b.Property(p => p.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(p => p.CountyCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CountyCode, p.Name });
        // No index on Name alone (issue 12, imp9a, migration Imp9): every name order is by pinyin collation, which a
        // binary index cannot serve, and a fragment is found through PersonNameGrams; it only cost each insert a B-tree.
        b.HasIndex(p => p.MobileTail);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Industry).HasMaxLength(50);
        b.HasIndex(p => new { p.CountyCode, p.Industry });
        b.Property(p => p.Skills).HasMaxLength(200);
        b.Property(p => p.CertificatesHeld).HasMaxLength(200);
        b.Property(p => p.Notes).HasMaxLength(1000);
        b.HasMany(p => p.Categories).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Categories).AutoInclude(false);
        b.OwnsOne(p => p.Venture, v =>
        {
            v.ToTable("Ventures");
            v.Property(x => x.Name).HasMaxLength(100);
            v.Property(x => x.Industry).HasMaxLength(50);
            v.Property(x => x.Investment).HasPrecision(12, 2);
            v.HasOne<BusinessEntity>().WithMany().HasForeignKey(x => x.EntityId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
