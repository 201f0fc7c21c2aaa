using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Data.Configurations;

/// <summary>The name bigrams (<see cref="PersonNameGram"/>): key (Gram, PersonId) is the search index; written by triggers only.</summary>
public sealed class PersonNameGramConfiguration : IEntityTypeConfiguration<PersonNameGram>
{
    public void Configure(EntityTypeBuilder<PersonNameGram> b)
    {
        b.ToTable("PersonNameGrams");
        b.HasKey(g => new { g.Gram, g.PersonId });
        // Two code points: up to 4 UTF-16 units (characters outside the BMP).
        b.Property(g => g.Gram).HasMaxLength(4);
        b.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => g.PersonId);
    }
}
