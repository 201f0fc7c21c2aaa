using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.Benchmarks.Baseline;

/// <summary>One row of the TechEmpower "fortunes" test, stored in the app's own SQLite file (table BenchFortunes).</summary>
public sealed class Fortune
{
    public int Id { get; set; }
    public string Message { get; set; } = "";
}

/// <summary>The EF Core context of <c>baseline.fortunes-ef</c>: the same provider, connection string and pragmas as the app.</summary>
public sealed class BaselineDb(DbContextOptions<BaselineDb> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();

    protected override void OnModelCreating(ModelBuilder b) => b.Entity<Fortune>().ToTable("BenchFortunes");
}

/// <summary>
/// The same-run baselines: a tiny ASP.NET Core app (this executable, <c>serve-baseline --db FILE</c>) with the
/// smallest version of what a TalentHub page does: plaintext, a static Razor page, 12 fortunes read with raw
/// Microsoft.Data.Sqlite or EF Core (AsNoTracking) and rendered by a Razor page, and the EF page again behind cookie
/// sign-in with a sign-out form (<c>/baseline/signed-in</c>; <c>/baseline/sign-in</c> issues the cookie), and behind the
/// same sign-in the registry list's own statements on the app's data with nothing else around them
/// (<c>/baseline/people-search</c>, the <c>bound.people-search</c> figures). Only this assembly's pages are served.
/// </summary>
public static class BaselineServer
{
    public const string Table = "BenchFortunes";

    public static async Task<int> RunAsync(string database)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var connectionString = DataServiceCollectionExtensions.SqliteConnectionString(database);
        builder.Services.AddSingleton(new FortuneSource(connectionString));
        builder.Services.AddSingleton(new BoundSource(connectionString));
        builder.Services.AddDbContext<BaselineDb>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => o.LoginPath = "/baseline/sign-in");
        builder.Services.AddAuthorization();
        builder.Services.AddRazorPages().ConfigureApplicationPartManager(parts =>
        {
            parts.ApplicationParts.Clear();
            parts.ApplicationParts.Add(new AssemblyPart(typeof(BaselineServer).Assembly));
            parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(typeof(BaselineServer).Assembly));
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/plaintext", () => Microsoft.AspNetCore.Http.Results.Text("Hello, World!"));
        app.MapGet("/baseline/sign-in", async (HttpContext context) =>
        {
            Claim[] claims = [new(ClaimTypes.NameIdentifier, "1"), new(ClaimTypes.Name, "baseline.officer"), new(ClaimTypes.Role, "CountyOfficer")];
            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
            return Microsoft.AspNetCore.Http.Results.Text("signed in");
        });
        app.MapRazorPages();
        await app.StartAsync();
        // Logging is off here, so say where it listens as Microsoft.Hosting.Lifetime would: ServerProcess starts this
        // server on port 0 and learns the bound port from this line.
        Console.WriteLine(TalentHub.Benchmarks.Http.ServerProcess.ListeningLine + app.Urls.First());
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Creates BenchFortunes with the 12 TechEmpower messages (idempotent).</summary>
    public static void EnsureFortunes(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS {Table} (Id INTEGER NOT NULL PRIMARY KEY, Message TEXT NOT NULL);
            INSERT OR IGNORE INTO {Table} VALUES
            (1,'fortune: No such file or directory'),(2,'A computer scientist is someone who fixes things that aren''t broken.'),
            (3,'After enough decimal places, nobody gives a damn.'),(4,'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1'),
            (5,'A computer program does what you tell it to do, not what you want it to do.'),(6,'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen'),
            (7,'Any program that runs right is obsolete.'),(8,'A list is only as strong as its weakest link. — Donald Knuth'),
            (9,'Feature: A bug with seniority.'),(10,'Computers make very fast, very accurate mistakes.'),
            (11,'<script>alert("This should not be displayed in a browser alert box.");</script>'),(12,'フレームワークのベンチマーク');
            """;
        command.ExecuteNonQuery();
    }
}

/// <summary>The app's database for the <c>bound.*</c> pages, opened raw (pooled Microsoft.Data.Sqlite connections).</summary>
public sealed record BoundSource(string ConnectionString);

/// <summary>Reads the fortunes with a plain prepared command (the raw baseline).</summary>
public sealed class FortuneSource(string connectionString)
{
    public async Task<List<Fortune>> LoadAsync()
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, Message FROM {BaselineServer.Table}";
        var list = new List<Fortune>(13);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(new Fortune { Id = reader.GetInt32(0), Message = reader.GetString(1) });
        return list;
    }

    /// <summary>The TechEmpower rule: add one fortune at request time, sort by message.</summary>
    public static List<Fortune> Finish(List<Fortune> list)
    {
        list.Add(new Fortune { Id = 0, Message = "Additional fortune added at request time." });
        list.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return list;
    }
}
