using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>
/// Table Certificates: number and (county, year, serial) unique; one NOT revoked certificate per enrollment (a filtered unique
/// index), so a trainee never holds two valid ones while revoked ones stay as history beside a reissue.
/// </summary>
public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.Property(c => c.Number).HasMaxLength(32).IsRequired();
        b.Property(c => c.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(c => c.CountyCode).HasMaxLength(12).IsFixedLength();
        b.Property(c => c.Hours).HasPrecision(6, 1);
        // Revoking (an officer, an attendance correction) and reinstating change RevokedAt: as a concurrency token, the second of
        // two writers on one certificate fails instead of overwriting the first's reason (a correction's reason would let a later
        // correction reinstate what an officer revoked).
        b.Property(c => c.RevokedAt).IsConcurrencyToken();
        b.Property(c => c.RevokedReason).HasMaxLength(200);
        b.Property(c => c.RevokedBy).HasMaxLength(64);
        b.Ignore(c => c.IsRevoked);
        b.HasOne<Enrollment>().WithMany().HasForeignKey(c => c.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Course>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Number).IsUnique();
        // One valid certificate per completed place: a second issuer's (or reissuer's) insert fails and its serial is rolled back.
        // The filter's quoted column name reads the same on SQLite and PostgreSQL.
        b.HasIndex(c => c.EnrollmentId).IsUnique().HasFilter("\"RevokedAt\" IS NULL").HasDatabaseName("IX_Certificates_EnrollmentId_Valid");
        b.HasOne<Certificate>().WithMany().HasForeignKey(c => c.ReissueOfId).OnDelete(DeleteBehavior.Restrict);
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
