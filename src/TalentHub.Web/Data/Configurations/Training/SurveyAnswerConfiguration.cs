using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table SurveyAnswers: one answer per enrollment (unique); CourseId indexed for the course's satisfaction rate.</summary>
public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("SurveyAnswers");
        b.Property(a => a.Comment).HasMaxLength(500);
        b.HasOne<Enrollment>().WithMany().HasForeignKey(a => a.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.EnrollmentId).IsUnique();
        b.HasIndex(a => a.CourseId);
    }
}
