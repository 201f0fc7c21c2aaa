using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.UnitTests.Infrastructure.Security;

public sealed class TwoFactorPolicyTests
{
    [Theory]
    [InlineData(Roles.Admin, TwoFactorPolicy.Optional, true)]
    [InlineData(Roles.CountyClerk, TwoFactorPolicy.Optional, true)]
    [InlineData(Roles.Trainer, null, true)]
    [InlineData(Roles.Trainer, TwoFactorPolicy.Optional, false)]
    [InlineData(Roles.Farmer, null, false)]
    [InlineData(Roles.Farmer, TwoFactorPolicy.Required, true)]
    public void IsRequired_StaffByDefault_RegistryStaffAlways_FarmersWhenAdminSays(string role, string? setting, bool expected) =>
        Assert.Equal(expected, TwoFactorPolicy.IsRequired(role, setting));
}
