using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// Which apps start from the <see cref="SeedTemplate"/> (only those whose own seed would be the template's), and that two
/// apps started from it share nothing but the seeded rows they began with.
/// </summary>
public sealed class SeedTemplateTests
{
    private sealed class WithSettings(params (string Key, string? Value)[] settings) : TalentHubFactory
    {
        protected override IDictionary<string, string?> Settings => settings.ToDictionary(s => s.Key, s => s.Value);
    }

    private sealed class WithClock : TalentHubFactory
    {
        protected override TimeProvider Clock { get; } = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    [Fact]
    public void OnlyAnAppSeedingWhatTheTemplateHolds_StartsFromIt()
    {
        using var plain = new TalentHubFactory();
        using var limits = new WithSettings(("TalentHub:LoginAttemptsPerMinute", "3"), ("Quartz:Enabled", "false"),
            ("TalentHub:PasswordWork:Permits", "1"), (SingleUseAuthenticatorTokenProvider.Setting, "true"), ("TalentHub:SeedDemoData", "true"));
        using var itself = new TalentHubFactory { SeedsItself = true };
        using var clock = new WithClock();
        using var noDemo = new WithSettings(("TalentHub:SeedDemoData", "false"));
        using var keys = new WithSettings(("TalentHub:PersonalData:HashKey", Convert.ToBase64String(new byte[32])));
        using var postgres = new WithSettings(("Database:Provider", "Postgres"));
        using var other = new WithSettings(("TalentHub:Reports:MapName", "安吉"));

        Assert.True(plain.StartsFromTemplate);
        Assert.True(limits.StartsFromTemplate);
        Assert.All(new TalentHubFactory[] { itself, clock, noDemo, keys, postgres, other }, app => Assert.False(app.StartsFromTemplate));
    }

    [Fact]
    public async Task TwoAppsFromTheTemplate_BeginWithTheSameSeed_OnTodaysShanghaiDay_AndShareNothingAfter()
    {
        using var one = new TalentHubFactory();
        using var two = new TalentHubFactory();
        var people = await one.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync());
        Assert.Equal(people, await two.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync()));
        Assert.Equal(ShanghaiDays.Today(), one.SeedDay);
        Assert.Equal(one.SeedDay, two.SeedDay);

        await one.AddPersonAsync("模板甲", CourseBuilder.Yucun);

        Assert.Equal(people + 1, await one.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync()));
        Assert.Equal(people, await two.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync()));
        // Each made its own data-protection key (the login form's antiforgery token needs one): only the database was copied.
        foreach (var app in new[] { one, two }) (await app.NewClient().GetAsync("/Identity/Account/Login")).EnsureSuccessStatusCode();
        var keysOfOne = Directory.GetFiles(Path.Combine(one.DataDirectory, "keys"), "key-*.xml").Select(Path.GetFileName).ToList();
        Assert.Single(keysOfOne);
        Assert.DoesNotContain(keysOfOne.Single(), Directory.GetFiles(Path.Combine(two.DataDirectory, "keys"), "key-*.xml").Select(Path.GetFileName));
    }
}
