using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Data;

public static partial class SeedData
{
    /// <summary>
    /// Adds the people of seed-data/people.json that are missing (matched by ID-number hash). People
    /// seeded before profiles existed (no category yet) get their profile filled in.
    /// </summary>
    private static async Task SeedPeopleAsync(IServiceProvider sp, TalentHubDbContext db)
    {
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var existing = (await db.People.IgnoreQueryFilters([RegionFilter.Name]).Select(p => p.IdNumberHash).ToListAsync()).ToHashSet();
        // Every person saved through the domain has a category, so a person without one is an older seed.
        var bare = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => !p.Categories.Any()).ToDictionaryAsync(p => p.IdNumberHash);
        foreach (var row in Read<List<PersonRow>>("people.json"))
        {
            if (!IdNumber.TryParse(row.IdNumber, sp.GetRequiredService<TimeProvider>(), out var id, out _))
                throw new InvalidDataException($"seed-data/people.json: bad ID number for {row.Name}");
            var hash = protector.Hash(id.Value);
            if (!existing.Add(hash))
            {
                if (bare.TryGetValue(hash, out var old)) ApplyProfile(old, row, now);
                continue;
            }
            var person = new Person { Name = row.Name, CreatedAt = now, UpdatedAt = now };
            person.SetIdNumber(id, hash);
            if (row.Mobile is not null && MobileNumber.TryParse(row.Mobile, out var mobile))
                person.SetMobile(mobile, protector.Hash);
            person.MoveTo(row.Region);
            ApplyProfile(person, row, now);
            db.People.Add(person);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Education, industry, skills, certificates, income band, notes and categories (with the venture).</summary>
    internal static void ApplyProfile(Person person, PersonRow row, DateTimeOffset now)
    {
        person.Education = ParseOrNull<EducationLevel>(row.Education);
        person.Industry = row.Industry;
        person.Skills = JoinTags(row.Skills);
        person.CertificatesHeld = JoinTags(row.Certificates);
        person.IncomeBand = ParseOrNull<IncomeBand>(row.IncomeBand);
        person.Notes = row.Notes;
        person.UpdatedAt = now;
        if (row.Categories is not { Count: > 0 }) return;
        var venture = row.Venture is not { } v ? null : new Venture
        {
            Origin = Enum.Parse<EntrepreneurOrigin>(v.Origin), ReturnedOn = v.ReturnedOn, Name = v.Name,
            Industry = v.Industry, Investment = v.Investment, JobsCreated = v.JobsCreated,
        };
        person.SetCategories(row.Categories.Select(Enum.Parse<TalentCategory>), ParseOrNull<LocalTalentType>(row.LocalTalentType), venture);
    }

    private static string? JoinTags(List<string>? tags) => tags is { Count: > 0 } ? string.Join("，", tags) : null;

    private static T? ParseOrNull<T>(string? value) where T : struct, Enum =>
        string.IsNullOrEmpty(value) ? null : Enum.Parse<T>(value);

    /// <summary>
    /// The demo staff of users.json and the twenty demo farmers (linked to their person records), each
    /// created once. Roles are added in one save rather than user by user, to keep start-up quick.
    /// </summary>
    private static async Task SeedDemoUsersAsync(IServiceProvider sp, TalentHubDbContext db)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var existing = (await db.Users.Select(u => u.UserName!).ToListAsync()).ToHashSet();
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        string? passwordHash = null;

        async Task Ensure(AppUser user, string role)
        {
            if (existing.Contains(user.UserName!)) return;
            // All demo accounts share one password: hash it once (210,000 iterations is deliberately slow).
            user.PasswordHash = passwordHash ??= users.PasswordHasher.HashPassword(user, DemoPassword);
            user.CreatedAt = now;
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException($"Seeding {user.UserName} failed: {created.Errors.First().Code}");
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
        }

        foreach (var staff in Read<List<UserRow>>("users.json"))
        {
            var user = new AppUser { UserName = staff.UserName, DisplayName = staff.DisplayName, RegionCode = staff.Region, TwoFactorEnabled = true };
            if (existing.Contains(staff.UserName)) continue;
            await Ensure(user, staff.Role);
            // Demo staff come enrolled with the authenticator key published in the README, so the demo is usable.
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticatorKey);
        }

        var farmers = Enumerable.Range(1, 20).Select(n => protector.Hash($"138{n:D8}")).ToList();
        var people = await db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(p => farmers.Contains(p.MobileHash!))
            .Select(p => new { p.Id, p.Name, p.RegionCode, p.MobileHash }).ToListAsync();
        foreach (var (hash, n) in farmers.Select((h, i) => (h, i + 1)))
        {
            var person = people.FirstOrDefault(p => p.MobileHash == hash)
                ?? throw new InvalidDataException($"seed-data/people.json has no person with mobile {Masking.Mobile($"138{n:D8}")}");
            await Ensure(new AppUser
            {
                UserName = FarmerAccounts.UserNameFor(hash), DisplayName = person.Name,
                RegionCode = person.RegionCode, PersonId = person.Id,
            }, Roles.Farmer);
        }
        await db.SaveChangesAsync();
    }

    private sealed record UserRow(string UserName, string DisplayName, string Role, string Region);

    internal sealed record PersonRow(
        string Name, string IdNumber, string? Mobile, string Region,
        string? Education = null, string? Industry = null, List<string>? Skills = null, List<string>? Certificates = null,
        string? IncomeBand = null, List<string>? Categories = null, string? LocalTalentType = null,
        VentureRow? Venture = null, string? Notes = null);

    internal sealed record VentureRow(
        string Origin, DateOnly? ReturnedOn, string? Name, string? Industry, decimal? Investment, int? JobsCreated);
}
