namespace TalentHub.Web.Services.People;

/// <summary>
/// Farmers log in with their mobile number, which must not sit in the database in clear, so a
/// farmer's user name is derived from the keyed hash of the number.
/// </summary>
public static class FarmerAccounts
{
    /// <summary>
    /// A farmer account's Identity user name: "m-" + the first 20 hex digits of the mobile's keyed hash, so the user table
    /// holds no mobile number in clear. <paramref name="mobileHash"/> is <c>PersonalDataProtector.Hash</c> of the normalized mobile.
    /// </summary>
    public static string UserNameFor(string mobileHash) => "m-" + mobileHash[..20];

    /// <summary>True for a farmer's account (a user name made by <see cref="UserNameFor"/>).</summary>
    public static bool Owns(Data.AppUser user) => user.UserName?.StartsWith("m-", StringComparison.Ordinal) == true;
}
