using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Who may do what, named once (ARCHITECTURE.md "Permissions and menu in one place each"). Pages say
/// <c>[Authorize(Policy = Policies.RegistryStaff)]</c>; views and handlers ask <c>User.Meets(Policies.Officer)</c>.
/// Both read the same table, so a role joins or leaves a permission in one line.
/// </summary>
public static class Policies
{
    /// <summary>Admins: jobs, audit log.</summary>
    public const string Admin = nameof(Admin);
    /// <summary>Officers approve, return, suspend and deregister entities and make every course move.</summary>
    public const string Officer = nameof(Officer);
    /// <summary>
    /// Who approves or returns entity registrations and course plans (PRODUCT.md §1: county officers, and city officers, who do
    /// everything in the city). Never the administrator, whose role is users, roles, regions, settings, audit and jobs.
    /// </summary>
    public const string Approver = nameof(Approver);
    /// <summary>Staff who work with the registry: people, entities, courses, programs (read).</summary>
    public const string RegistryStaff = nameof(RegistryStaff);
    /// <summary>Staff who may see a full ID number or mobile (each reveal is audited).</summary>
    public const string CanReveal = nameof(CanReveal);
    /// <summary>Registry staff and trainers: the course list, calendar, course pages and rosters (trainers only their own).</summary>
    public const string CourseViewer = nameof(CourseViewer);
    /// <summary>Trainers: the courses they run.</summary>
    public const string Trainer = nameof(Trainer);
    /// <summary>City officers only (the home page offers them the programs).</summary>
    public const string CityOfficer = nameof(CityOfficer);
    /// <summary>Who manages staff accounts and changes programs: admins and city officers.</summary>
    public const string CityManager = nameof(CityManager);
    /// <summary>Farmers: their own enrollments and messages.</summary>
    public const string Farmer = nameof(Farmer);

    private static readonly Dictionary<string, string[]> RolesOf = new()
    {
        [Admin] = [Roles.Admin],
        [Officer] = [Roles.Admin, Roles.CityOfficer, Roles.CountyOfficer],
        [Approver] = [Roles.CityOfficer, Roles.CountyOfficer],
        [RegistryStaff] = [Roles.Admin, Roles.CityOfficer, Roles.CountyOfficer, Roles.CountyClerk],
        [CanReveal] = [Roles.CityOfficer, Roles.CountyOfficer, Roles.CountyClerk],
        [CourseViewer] = [Roles.Admin, Roles.CityOfficer, Roles.CountyOfficer, Roles.CountyClerk, Roles.Trainer],
        [Trainer] = [Roles.Trainer],
        [CityOfficer] = [Roles.CityOfficer],
        [CityManager] = [Roles.Admin, Roles.CityOfficer],
        [Farmer] = [Roles.Farmer],
    };

    /// <summary>Every policy name with the roles that satisfy it (any one of them).</summary>
    public static IReadOnlyDictionary<string, string[]> All => RolesOf;

    /// <summary>Registers every policy as "has any of these roles".</summary>
    public static AuthorizationBuilder AddTalentHubPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (name, roles) in RolesOf) builder.AddPolicy(name, p => p.RequireRole(roles));
        return builder;
    }

    /// <summary>Whether the user satisfies the named policy (the same rule the endpoint authorization applies).</summary>
    public static bool Meets(this ClaimsPrincipal user, string policy) =>
        user.Identity?.IsAuthenticated == true && RolesOf[policy].Any(user.IsInRole);
}
