using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table FormSubmissions, keyed (so unique) by the form's token.</summary>
public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.HasKey(s => s.Token);
        b.Property(s => s.Token).ValueGeneratedNever();
        b.Property(s => s.Kind).HasMaxLength(32);
        b.Property(s => s.UserName).HasMaxLength(256);
    }
}
