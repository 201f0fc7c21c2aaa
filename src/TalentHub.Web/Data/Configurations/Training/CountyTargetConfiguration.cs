using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

public sealed class CountyTargetConfiguration : IEntityTypeConfiguration<CountyTarget>
{
    public void Configure(EntityTypeBuilder<CountyTarget> b)
    {
        b.ToTable("ProgramTargets");
        b.Property(t => t.CountyCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<Region>().WithMany().HasForeignKey(t => t.CountyCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.ProgramId, t.CountyCode }).IsUnique();
    }
}
