using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Pages.People;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.IntegrationTests.Builders;

/// <summary>The one builder of people (and farmer accounts) for integration tests, straight in the database.</summary>
public static class PersonBuilder
{
    private static int _sequence;

    public sealed record NewPerson(int Id, string Name, string IdNumber, string Mobile);

    /// <summary>A registered person with a unique, valid ID number and mobile.</summary>
    public static async Task<NewPerson> CreatePersonAsync(this TalentHubFactory app, string village = CourseBuilder.Yucun, string? name = null, int? birthYear = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();
        while (true)
        {
            var birth = new DateOnly(birthYear ?? Random.Shared.Next(1965, 2000), 1, 1).AddDays(Random.Shared.Next(0, 360));
            var id = IdNumber.Create(village[..6], birth, Random.Shared.Next(100, 999), Sex.Male);
            var hash = registry.Hash(id.Value);
            if (await db.People.IgnoreQueryFilters([RegionFilter.Name]).AnyAsync(p => p.IdNumberHash == hash)) continue;
            var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            var person = new Person { Name = name ?? "学员" + Guid.NewGuid().ToString("N")[..6] };
            registry.SetIdentifiers(person, id, mobile);
            person.MoveTo(village);
            person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
            db.People.Add(person);
            await db.SaveChangesAsync();
            return new NewPerson(person.Id, person.Name, id.Value, mobile);
        }
    }

    /// <summary>A high-quality farmer with a random valid ID number and mobile; <paramref name="more"/> adds to it before saving.</summary>
    public static async Task<NewPerson> AddPersonAsync(this TalentHubFactory app, string name, string village,
        Action<Person>? more = null, string? mobile = null, string? industry = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();
        var id = PeopleTestData.NewIdNumber(village);
        mobile ??= PeopleTestData.NewMobile();
        var now = DateTimeOffset.UtcNow;
        var person = new Person { Name = name, Industry = industry };
        registry.SetIdentifiers(person, id, mobile);
        person.MoveTo(village);
        person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
        more?.Invoke(person);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return new NewPerson(person.Id, name, id.Value, mobile);
    }

    /// <summary>The registry person of a demo farmer, found by the mobile number they log in with.</summary>
    public static async Task<(int Id, string RegionCode)> FarmerPersonAsync(this TalentHubFactory app, string mobile)
    {
        using var scope = app.Services.CreateScope();
        var hash = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().Hash(mobile);
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var person = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.MobileHash == hash).Select(p => new { p.Id, p.RegionCode }).FirstAsync();
        return (person.Id, person.RegionCode);
    }

    /// <summary>
    /// Creates <paramref name="count"/> farmers (person + account) in 安吉县 who all share one password,
    /// hashed once. Returns their mobiles.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FarmersAsync(this TalentHubFactory app, int count, string password = "bamboo hills and white tea")
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TalentHubDbContext>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var roleId = await db.Roles.Where(r => r.Name == Roles.Farmer).Select(r => r.Id).SingleAsync();
        var batch = Interlocked.Add(ref _sequence, count) - count;
        var hash = users.PasswordHasher.HashPassword(new AppUser(), password);
        var mobiles = new List<string>();
        var people = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var n = batch + i;
            var mobile = $"1370{n:D7}";
            // Born 1940–1953: no seeded person is that old, so the ID numbers never collide with seed data.
            var id = IdNumber.Create("330523", new DateOnly(1940, 1, 1).AddDays(n % 5000), n / 5000 % 1000, Sex.Male);
            var person = new Person { Name = $"学员{n}" };
            person.SetIdNumber(id, protector.Hash(id.Value));
            person.SetMobile(mobile, protector.Hash);
            person.MoveTo("330523108204");
            people.Add(person);
            mobiles.Add(mobile);
        }
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        foreach (var (person, mobile) in people.Zip(mobiles))
        {
            var user = new AppUser
            {
                UserName = FarmerAccounts.UserNameFor(protector.Hash(mobile)), DisplayName = person.Name,
                RegionCode = person.RegionCode, PersonId = person.Id, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString(),
            };
            user.NormalizedUserName = user.UserName!.ToUpperInvariant();
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }
        await db.SaveChangesAsync();
        return mobiles;
    }
}
