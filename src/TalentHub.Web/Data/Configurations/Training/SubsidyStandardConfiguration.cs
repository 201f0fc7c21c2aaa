using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table SubsidyStandards: one 元-per-trainee amount per program and trainee type (unique).</summary>
public sealed class SubsidyStandardConfiguration : IEntityTypeConfiguration<SubsidyStandard>
{
    public void Configure(EntityTypeBuilder<SubsidyStandard> b)
    {
        b.ToTable("SubsidyStandards");
        b.Property(s => s.YuanPerTrainee).HasPrecision(12, 2);
        b.HasIndex(s => new { s.ProgramId, s.TraineeType }).IsUnique();
    }
}
