using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.UnitTests.Infrastructure.Security;

/// <summary>
/// Issue 12 (perf10): the session check resolves Identity's security-stamp validator (and with it SignInManager,
/// UserManager and the user store) only when that validator would act — the cookie has no issue time or is older than
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> — while the stamp itself is still compared on every request.
/// </summary>
public sealed class SessionValidatorTests
{
    private sealed class CountingValidator : ISecurityStampValidator
    {
        public int Calls;
        public Task ValidateAsync(CookieValidatePrincipalContext context)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }

    private sealed record Setup(TestDatabase Database, FakeTimeProvider Clock, CountingValidator Identity, ServiceProvider Services) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    private static async Task<Setup> WithUserAsync(string stamp)
    {
        var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Users.Add(new AppUser { Id = "u1", UserName = "u1", NormalizedUserName = "U1", SecurityStamp = stamp });
            await db.SaveChangesAsync();
        }
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var identity = new CountingValidator();
        var services = new ServiceCollection();
        services.AddOptions();
        services.Configure<SecurityStampValidatorOptions>(o => { o.ValidationInterval = TimeSpan.FromMinutes(1); o.TimeProvider = clock; });
        services.AddSingleton<ISecurityStampValidator>(identity);
        services.AddSingleton(new UnchangedReads(new DataVersions(), enabled: false));
        services.AddScoped(_ => database.NewContext());
        return new Setup(database, clock, identity, services.BuildServiceProvider());
    }

    private static CookieValidatePrincipalContext Context(Setup setup, string stamp, DateTimeOffset? issued)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp)],
            IdentityConstants.ApplicationScheme));
        var http = new DefaultHttpContext { RequestServices = setup.Services.CreateScope().ServiceProvider };
        var scheme = new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler));
        return new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(),
            new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = issued }, IdentityConstants.ApplicationScheme));
    }

    [Fact]
    public async Task A_cookie_issued_within_the_interval_skips_Identitys_validator_but_still_passes_the_stamp_check()
    {
        await using var setup = await WithUserAsync("s1");
        var context = Context(setup, "s1", setup.Clock.GetUtcNow() - TimeSpan.FromSeconds(59));

        await SessionValidator.ValidateAsync(context);

        Assert.Equal(0, setup.Identity.Calls);
        Assert.Equal("u1", context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public async Task A_cookie_older_than_the_interval_or_without_an_issue_time_goes_through_Identitys_validator()
    {
        await using var setup = await WithUserAsync("s1");

        await SessionValidator.ValidateAsync(Context(setup, "s1", setup.Clock.GetUtcNow() - TimeSpan.FromSeconds(61)));
        Assert.Equal(1, setup.Identity.Calls);

        await SessionValidator.ValidateAsync(Context(setup, "s1", issued: null));
        Assert.Equal(2, setup.Identity.Calls);
    }

    [Fact]
    public void The_interval_is_read_on_the_options_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var options = new SecurityStampValidatorOptions { ValidationInterval = TimeSpan.FromMinutes(1), TimeProvider = clock };
        var scheme = new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler));
        var context = new CookieValidatePrincipalContext(new DefaultHttpContext(), scheme, new CookieAuthenticationOptions(),
            new AuthenticationTicket(new ClaimsPrincipal(), new AuthenticationProperties { IssuedUtc = clock.GetUtcNow() }, IdentityConstants.ApplicationScheme));

        Assert.False(SessionValidator.IdentityRefreshDue(context, options));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(SessionValidator.IdentityRefreshDue(context, options)); // exactly the interval: Identity waits too (">")
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(SessionValidator.IdentityRefreshDue(context, options));
    }
}
