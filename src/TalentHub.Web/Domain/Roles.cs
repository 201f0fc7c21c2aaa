namespace TalentHub.Web.Domain;

/// <summary>
/// The six role names (PRODUCT.md §1: 系统管理员 Admin, 市级管理员 CityOfficer, 县级管理员 CountyOfficer, 县级工作人员
/// CountyClerk, 培训讲师/机构 Trainer, 农民学员 Farmer) as stored in Identity's role table; renaming one orphans its users.
/// </summary>
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

    /// <summary>Roles confined to their own county by the region scope (<c>HttpRegionScope</c>); the others see the whole city.</summary>
    public static bool IsCountyBound(string role) => role is CountyOfficer or CountyClerk;
}
