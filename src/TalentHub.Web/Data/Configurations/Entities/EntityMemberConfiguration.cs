using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table EntityMembers: a person holds each role in an entity once; PersonId is indexed for the person page.</summary>
public sealed class EntityMemberConfiguration : IEntityTypeConfiguration<EntityMember>
{
    public void Configure(EntityTypeBuilder<EntityMember> b)
    {
        b.ToTable("EntityMembers");
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.EntityId, m.PersonId, m.Role }).IsUnique();
        b.HasIndex(m => m.PersonId);
    }
}
