using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table PersonCategory: unique per person and category; Category is indexed for the registry's category filter.</summary>
public sealed class PersonCategoryConfiguration : IEntityTypeConfiguration<PersonCategory>
{
    public void Configure(EntityTypeBuilder<PersonCategory> b)
    {
        b.HasIndex(c => new { c.PersonId, c.Category }).IsUnique();
        b.HasIndex(c => c.Category);
    }
}
