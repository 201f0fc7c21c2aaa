using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Data.Configurations;

public sealed class PersonCategoryConfiguration : IEntityTypeConfiguration<PersonCategory>
{
    public void Configure(EntityTypeBuilder<PersonCategory> b)
    {
        b.HasIndex(c => new { c.PersonId, c.Category }).IsUnique();
        b.HasIndex(c => c.Category);
    }
}
