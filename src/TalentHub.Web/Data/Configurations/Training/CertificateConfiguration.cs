using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table Certificates: number, enrollment and (county, year, serial) each unique, so a certificate is issued once.</summary>
public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.Property(c => c.Number).HasMaxLength(32).IsRequired();
        b.Property(c => c.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(c => c.CountyCode).HasMaxLength(12).IsFixedLength();
        b.Property(c => c.Hours).HasPrecision(6, 1);
        b.Property(c => c.RevokedReason).HasMaxLength(200);
        b.Property(c => c.RevokedBy).HasMaxLength(64);
        b.Ignore(c => c.IsRevoked);
        b.HasOne<Enrollment>().WithMany().HasForeignKey(c => c.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Number).IsUnique();
        // One certificate per completed place: a second issuer's insert fails and its serial is rolled back.
        b.HasIndex(c => c.EnrollmentId).IsUnique();
        b.HasIndex(c => new { c.CountyCode, c.Year, c.Serial }).IsUnique();
        b.HasIndex(c => c.PersonId);
        // The dashboard counts certificates issued in a period per county: covered by this index.
        b.HasIndex(c => new { c.IssuedAt, c.CountyCode });
    }
}

/// <summary>Table CertificateCounters, keyed by (county, year): the serial of TH-{year}-{county code}-{serial}.</summary>
public sealed class CertificateCounterConfiguration : IEntityTypeConfiguration<CertificateCounter>
{
    public void Configure(EntityTypeBuilder<CertificateCounter> b)
    {
        b.ToTable("CertificateCounters");
        b.HasKey(c => new { c.CountyCode, c.Year });
        b.Property(c => c.CountyCode).HasMaxLength(12).IsFixedLength();
    }
}
