using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>
/// Table AttendanceRecords: one mark per session and enrollment (unique), indexed per course and per person;
/// <see cref="AttendanceRecord.MarkedAt"/> is the concurrency token.
/// </summary>
public sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> b)
    {
        b.ToTable("AttendanceRecords");
        b.HasOne<CourseSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enrollment>().WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.MarkedBy).HasMaxLength(64);
        // The mark's concurrency token: a correction's UPDATE carries WHERE MarkedAt = (what it read), so a mark set between a
        // save's read and its write (a check-in, another clerk) fails that save instead of being overwritten (rollcall33).
        b.Property(a => a.MarkedAt).IsConcurrencyToken();
        // One check-in or mark per trainee and session, even when two requests race.
        b.HasIndex(a => new { a.SessionId, a.EnrollmentId }).IsUnique();
        b.HasIndex(a => new { a.CourseId, a.EnrollmentId });
        // The person page and the farmer's outcomes read one person's marks (issue 12: a full scan at city scale).
        b.HasIndex(a => a.PersonId);
    }
}

/// <summary>Table CheckInFailures; (PersonId, At) counts a person's recent wrong codes for the throttle.</summary>
public sealed class CheckInFailureConfiguration : IEntityTypeConfiguration<CheckInFailure>
{
    public void Configure(EntityTypeBuilder<CheckInFailure> b)
    {
        b.ToTable("CheckInFailures");
        b.HasIndex(f => new { f.PersonId, f.At });
    }
}
