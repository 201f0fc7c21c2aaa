using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table Enrollments: at most one active (Confirmed or Waitlisted) place per person and course, by a partial unique index.</summary>
public sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.EnrolledByUserId).HasMaxLength(64);
        b.Property(e => e.OverrideReason).HasMaxLength(500);
        b.Property(e => e.OutcomeReason).HasMaxLength(200);
        b.Ignore(e => e.IsActive);
        b.Ignore(e => e.IsTrainee);
        b.Property(e => e.Score).HasPrecision(5, 1);
        // One active place per person and course, enforced by the database (a partial index, valid SQL on SQLite and PostgreSQL).
        b.HasIndex(e => new { e.CourseId, e.PersonId }).IsUnique().HasFilter("\"Status\" IN ('Confirmed', 'Waitlisted')");
        b.HasIndex(e => new { e.CourseId, e.Status, e.Id });
        b.HasIndex(e => new { e.PersonId, e.Status });
        // The dashboard counts completions in a period (IndicatorCalculator): a range seek instead of a scan of every enrollment.
        b.HasIndex(e => new { e.Status, e.CompletedAt });
    }
}
