using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data.Configurations;

/// <summary>
/// Table FollowUpTasks: one task per enrollment and month mark (3, 6, 12; unique), so the job can run twice safely;
/// <see cref="FollowUpTask.RecordedAt"/> is the concurrency token of a record (/FollowUps/{id}).
/// </summary>
public sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> b)
    {
        b.ToTable("FollowUpTasks");
        b.Property(t => t.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(t => t.CountyCode).HasMaxLength(12).IsFixedLength();
        b.Property(t => t.RecordedBy).HasMaxLength(64);
        b.Property(t => t.VentureName).HasMaxLength(100);
        b.Property(t => t.Notes).HasMaxLength(500);
        b.Property(t => t.IncomeChangePercent).HasPrecision(7, 1);
        b.Ignore(t => t.IsDone);
        // The record's concurrency token: a save's UPDATE carries WHERE RecordedAt = (what the save read), so of two saves
        // that both read the same record (or none) only the first is written; the other gets DbUpdateConcurrencyException.
        b.Property(t => t.RecordedAt).IsConcurrencyToken();
        b.HasOne<Enrollment>().WithMany().HasForeignKey(t => t.EnrollmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BusinessEntity>().WithMany().HasForeignKey(t => t.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.EnrollmentId, t.Months }).IsUnique();
        b.HasIndex(t => new { t.CountyCode, t.RecordedAt, t.DueAt });
        b.HasIndex(t => t.PersonId);
        // The dashboard's follow-up rate: tasks due in a period per county, done or not, covered by this index.
        b.HasIndex(t => new { t.DueAt, t.CountyCode, t.RecordedAt });
    }
}
