using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table TypicalExamples; (Status, DecidedAt) serves the approved list on the dashboard and /Examples.</summary>
public sealed class TypicalExampleConfiguration : IEntityTypeConfiguration<TypicalExample>
{
    public void Configure(EntityTypeBuilder<TypicalExample> b)
    {
        b.ToTable("TypicalExamples");
        b.Property(e => e.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(e => e.CountyCode).HasMaxLength(12).IsFixedLength();
        b.Property(e => e.Title).HasMaxLength(TypicalExample.TitleMax);
        b.Property(e => e.Story).HasMaxLength(TypicalExample.StoryMax);
        b.Property(e => e.ProposedBy).HasMaxLength(256);
        b.Property(e => e.DecidedBy).HasMaxLength(256);
        b.Property(e => e.RejectReason).HasMaxLength(200);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BusinessEntity>().WithMany().HasForeignKey(e => e.EntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.Status, e.DecidedAt });
        b.HasIndex(e => e.CountyCode);
    }
}
