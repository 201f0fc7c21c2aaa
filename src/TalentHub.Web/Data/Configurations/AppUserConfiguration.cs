using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TalentHub.Web.Data.Configurations;

/// <summary>
/// What TalentHub adds to Identity's user table: an index on the linked person, since the person page asks whether
/// the person has a login (PasswordResetCodes.AccountOfAsync) on every view; without it each view scanned every account.
/// </summary>
public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b) => b.HasIndex(u => u.PersonId);
}
