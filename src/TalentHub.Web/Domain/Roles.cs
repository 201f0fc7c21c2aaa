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

    /// <summary>Staff who work with the registry (comma list for [Authorize(Roles = ...)]).</summary>
    public const string RegistryStaff = "Admin,CityOfficer,CountyOfficer,CountyClerk";

    /// <summary>Staff who may see a full ID number or mobile (each reveal is audited).</summary>
    public const string CanReveal = "CityOfficer,CountyOfficer,CountyClerk";

    /// <summary>Officers approve, return, suspend and deregister; clerks register and submit.</summary>
    public const string Officers = "Admin,CityOfficer,CountyOfficer";

    public static bool IsCountyBound(string role) => role is CountyOfficer or CountyClerk;
}
