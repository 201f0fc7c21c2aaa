using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table CourseSessions; StartsAt indexed for the reminder job and check-in, (CourseId, StartsAt) for a course's timetable.</summary>
public sealed class CourseSessionConfiguration : IEntityTypeConfiguration<CourseSession>
{
    public void Configure(EntityTypeBuilder<CourseSession> b)
    {
        b.ToTable("CourseSessions");
        b.Property(s => s.Topic).HasMaxLength(100);
        b.Property(s => s.TrainerName).HasMaxLength(50);
        b.Property(s => s.Place).HasMaxLength(200);
        b.Ignore(s => s.Hours);
        b.Property(s => s.CheckInSecret).HasMaxLength(64);
        b.HasIndex(s => s.StartsAt);
        b.HasIndex(s => new { s.CourseId, s.StartsAt });
    }
}
