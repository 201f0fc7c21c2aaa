using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table JobRuns; (JobName, StartedAt) serves each job's last run on /Admin/Jobs.</summary>
public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.Property(r => r.JobName).HasMaxLength(100);
        b.Property(r => r.Message).HasMaxLength(1000);
        b.HasIndex(r => new { r.JobName, r.StartedAt });
    }
}
