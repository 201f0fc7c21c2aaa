namespace TalentHub.Web.Domain;

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string CityOfficer = nameof(CityOfficer);
    public const string CountyOfficer = nameof(CountyOfficer);
    public const string CountyClerk = nameof(CountyClerk);
    public const string Trainer = nameof(Trainer);
    public const string Farmer = nameof(Farmer);

    public static readonly string[] All = [Admin, CityOfficer, CountyOfficer, CountyClerk, Trainer, Farmer];

    // Which roles may do what is declared once, as named policies: Infrastructure/Policies.cs.

    public static bool IsCountyBound(string role) => role is CountyOfficer or CountyClerk;
}
