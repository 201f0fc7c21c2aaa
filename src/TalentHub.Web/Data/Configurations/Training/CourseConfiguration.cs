using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>
/// Table Courses: hours (学时) to 1 decimal, attendance share as a fraction (0.80); indexed by (Status, EnrollmentOpensAt),
/// by (CountyCode, Status) for the scoped list, and by TrainerUserName for a trainer's courses.
/// </summary>
public sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.Property(c => c.Title).HasMaxLength(100).IsRequired();
        b.Property(c => c.Organiser).HasMaxLength(100);
        b.Property(c => c.ContactName).HasMaxLength(50);
        b.Property(c => c.ContactPhone).HasMaxLength(24);
        b.Property(c => c.TrainerUserName).HasMaxLength(64);
        b.Property(c => c.TargetCategories).HasMaxLength(200);
        b.Property(c => c.EligibleCounties).HasMaxLength(200);
        b.Property(c => c.Venue).HasMaxLength(200);
        b.Property(c => c.OnlineLink).HasMaxLength(300);
        b.Property(c => c.TotalHours).HasPrecision(6, 1);
        b.Property(c => c.MinAttendanceShare).HasPrecision(4, 2);
        b.Property(c => c.PassMark).HasPrecision(5, 1);
        b.Property(c => c.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(c => c.CountyCode).HasMaxLength(12).IsFixedLength();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.SeatsLeft);
        b.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TrainingProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.Status, c.EnrollmentOpensAt });
        b.HasIndex(c => new { c.CountyCode, c.Status });
        b.HasIndex(c => c.TrainerUserName);
    }
}
