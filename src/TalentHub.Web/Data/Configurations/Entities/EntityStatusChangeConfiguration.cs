using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table EntityStatusChanges: an entity's lifecycle history, read in order by (EntityId, At).</summary>
public sealed class EntityStatusChangeConfiguration : IEntityTypeConfiguration<EntityStatusChange>
{
    public void Configure(EntityTypeBuilder<EntityStatusChange> b)
    {
        b.ToTable("EntityStatusChanges");
        b.Property(h => h.ByUserId).HasMaxLength(64);
        b.Property(h => h.ByName).HasMaxLength(128);
        b.Property(h => h.Reason).HasMaxLength(EntityStatusChange.ReasonMaxLength);
        b.HasIndex(h => new { h.EntityId, h.At });
    }
}
