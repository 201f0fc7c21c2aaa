using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure;

/// <summary>Identity with the password rules of PRODUCT.md §12 (OWASP ASVS: ≥ 12 characters, no composition rules, common passwords refused, PBKDF2-SHA512 ≥ 210,000 iterations).</summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>The sign-in cookie's name (also how <see cref="RequestConnection"/> recognises a signed-in request).</summary>
    public const string AuthCookieName = "TalentHub.Auth";

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
            .AddUserStore<ProtectedTokenUserStore>()
            .AddUserManager<GatedUserManager>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: a code's time step is accepted once only (RFC 6238 §5.2).
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<ContextPasswordValidator>()
            .AddClaimsPrincipalFactory<TalentHubClaimsFactory>();

        // Identity v3 hashes are PBKDF2 with HMAC-SHA512; ASVS asks for at least 210,000 iterations.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // At most cores − 1 of those hashes at once, so a classroom logging in together leaves a core for everything else (issue 12).
        services.AddSingleton<PasswordWorkGate>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.Add<PasswordWorkBusyFilter>();
            o.Filters.Add<AddressLimitedLoginFilter>();
        });
        // Changed roles, region or two-factor policy reach signed-in users within a minute (the stamp itself is checked every request).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Identity/Account/Login";
            o.LogoutPath = "/Identity/Account/Logout";
            o.AccessDeniedPath = "/Identity/Account/AccessDenied";
            o.Cookie.Name = AuthCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            // 8 h for staff whatever they tick; 14 days for a farmer who ticks Remember me (SessionLifetime).
            o.ExpireTimeSpan = Security.SessionLifetime.Staff;
            o.Events.OnSigningIn = Security.SessionLifetime.SigningInAsync;
            // Every request checks the security stamp, so logout and other stamp changes end earlier cookies at once.
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
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
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorPolicy.EnabledClaim, "true"));
        if (await RequiresTwoFactorAsync(user)) identity.AddClaim(new Claim(TwoFactorPolicy.RequiredClaim, "true"));
        return identity;
    }

    private async Task<bool> RequiresTwoFactorAsync(AppUser user)
    {
        foreach (var roleName in await UserManager.GetRolesAsync(user))
        {
            var role = await RoleManager.FindByNameAsync(roleName);
            var setting = role is null ? null : (await RoleManager.GetClaimsAsync(role)).FirstOrDefault(c => c.Type == TwoFactorPolicy.RoleClaim)?.Value;
            if (TwoFactorPolicy.IsRequired(roleName, setting)) return true;
        }
        return false;
    }
}
