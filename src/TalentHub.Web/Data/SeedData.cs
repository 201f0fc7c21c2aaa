using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Data;

/// <summary>
/// Loads seed-data/ into an empty database. Every step checks what is already there, so running it
/// again (or after a crash half-way) adds only what is missing.
/// </summary>
public static partial class SeedData
{
    public const string DemoPassword = "talenthub-demo-2026";

    /// <summary>
    /// The authenticator key (Base32) of every demo staff account, published in the README so anyone can
    /// try the demo with an authenticator app. Demo seeding is off in the Docker image; real staff enrol
    /// with their own random key at first login.
    /// </summary>
    public const string DemoAuthenticatorKey = "TALENTHUBDEMOKEYFORSTAFFACCOUNTS";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seed-data");

    public static async Task SeedTalentHubAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<IOptions<TalentHubOptions>>().Value;
        var db = sp.GetRequiredService<TalentHubDbContext>();
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("TalentHub.Seed");

        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        await SeedRegionsAsync(db);
        sp.GetRequiredService<Services.RegionDirectory>().Invalidate();

        if (options.SeedDemoData)
        {
            await SeedPeopleAsync(sp, db);
            await SeedDemoUsersAsync(sp, db);
            await SeedEntitiesAsync(sp, db);
            await SeedTrainingAsync(sp, db);
            await SeedOutcomesAsync(sp, db);
            await SeedExamplesAsync(sp, db);
            await SeedReportsAsync(sp, db);
            log.LogInformation("Demo data is present");
        }
        else if (options.Admin.UserName is { Length: > 0 } name && options.Admin.Password is { Length: > 0 } password)
        {
            await EnsureAdminAsync(sp, name, password, log);
        }
    }

    private static async Task SeedRegionsAsync(TalentHubDbContext db)
    {
        var existing = (await db.Regions.Select(r => r.Code).ToListAsync()).ToHashSet();
        var rows = Read<List<RegionRow>>("regions.json");
        foreach (var row in rows.Where(r => !existing.Contains(r.Code)))
            db.Regions.Add(new Region
            {
                Code = row.Code, Name = row.Name, NameEn = row.NameEn,
                Level = Enum.Parse<RegionLevel>(row.Level), ParentCode = row.Parent,
            });
        await db.SaveChangesAsync();
    }

    private static async Task EnsureAdminAsync(IServiceProvider sp, string userName, string password, ILogger log)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null) return;
        var city = await sp.GetRequiredService<TalentHubDbContext>().Regions
            .Where(r => r.Level == RegionLevel.City).Select(r => r.Code).FirstAsync();
        var admin = new AppUser { UserName = userName, DisplayName = userName, RegionCode = city, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("The first admin could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(admin, Roles.Admin);
        log.LogInformation("Created the first admin account");
    }

    internal static T Read<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(SeedDirectory, file)), Json)
        ?? throw new InvalidDataException($"seed-data/{file} is empty");

    private sealed record RegionRow(string Code, string Name, string NameEn, string Level, string? Parent);
}
