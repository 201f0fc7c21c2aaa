using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure;

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddTalentHubIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // OWASP ASVS: length over composition, no forced character classes.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<TalentHubDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<TalentHubClaimsFactory>();

        // Identity v3 hashes are PBKDF2 with HMAC-SHA512; ASVS asks for at least 210,000 iterations.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // A locked account or a changed role/region reaches signed-in users within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Identity/Account/Login";
            o.LogoutPath = "/Identity/Account/Logout";
            o.AccessDeniedPath = "/Identity/Account/AccessDenied";
            o.Cookie.Name = "TalentHub.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        return services;
    }
}

/// <summary>Adds the user's region so the region scope can be decided without a database round trip.</summary>
public sealed class TalentHubClaimsFactory(
    Microsoft.AspNetCore.Identity.UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.RegionCode is not null) identity.AddClaim(new Claim(ClaimNames.Region, user.RegionCode));
        identity.AddClaim(new Claim(ClaimNames.Display, user.DisplayName));
        if (user.PersonId is { } personId) identity.AddClaim(new Claim(ClaimNames.Person, personId.ToString()));
        return identity;
    }
}
