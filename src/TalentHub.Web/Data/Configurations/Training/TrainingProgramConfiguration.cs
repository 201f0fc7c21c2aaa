using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table Programs: (Year, Name) unique; budget in 万元 to 2 decimals; UpdatedAt indexed for the API's updatedSince.</summary>
public sealed class TrainingProgramConfiguration : IEntityTypeConfiguration<TrainingProgram>
{
    public void Configure(EntityTypeBuilder<TrainingProgram> b)
    {
        b.ToTable("Programs");
        b.Property(p => p.Name).HasMaxLength(100).IsRequired();
        b.Property(p => p.Budget).HasPrecision(14, 2);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.Year, p.Name }).IsUnique();
        b.HasIndex(p => p.UpdatedAt);
        b.HasMany(p => p.Standards).WithOne().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
