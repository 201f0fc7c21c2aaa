namespace TalentHub.Web.Services.People;

/// <summary>
/// Farmers log in with their mobile number, which must not sit in the database in clear, so a
/// farmer's user name is derived from the keyed hash of the number.
/// </summary>
public static class FarmerAccounts
{
    public static string UserNameFor(string mobileHash) => "m-" + mobileHash[..20];
}
