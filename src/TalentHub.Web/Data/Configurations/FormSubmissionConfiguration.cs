using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TalentHub.Web.Data.Configurations;

/// <summary>
/// Table FormSubmissions, keyed (so unique) by the form's token; indexed by CreatedAt for the purge that deletes the old
/// tokens by it (<see cref="FormSubmission"/>), which would otherwise scan the whole table.
/// </summary>
public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.HasKey(s => s.Token);
        b.Property(s => s.Token).ValueGeneratedNever();
        b.Property(s => s.Kind).HasMaxLength(32);
        b.Property(s => s.UserName).HasMaxLength(256);
        b.HasIndex(s => s.CreatedAt);
    }
}
