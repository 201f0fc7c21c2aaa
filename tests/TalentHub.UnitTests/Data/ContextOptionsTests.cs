using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// Issue 12 (perf7a): a context on the app's options (built once, with the model cache key factory and the pinyin
/// interceptor already in them) runs on those very options instead of a per-request copy; a context on bare options
/// (tests, tools) still gets both.
/// </summary>
public sealed class ContextOptionsTests
{
    private sealed class NoScope : Web.Services.IRegionScope { public string? CountyCode => null; }

    private static string File() => Path.Combine(Path.GetTempPath(), $"talenthub-options-{Guid.NewGuid():N}.db");

    [Fact]
    public void A_context_on_the_apps_options_uses_them_as_they_are()
    {
        var builder = new DbContextOptionsBuilder<SqliteTalentHubDbContext>();
        TalentHubDbContext.UseTalentHubServices(builder.UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(File())))
            .AddInterceptors(SqlitePinyin.Instance);
        var options = builder.Options;

        using var first = new SqliteTalentHubDbContext(options, new NoScope(), TestDatabase.Protector);
        using var second = new SqliteTalentHubDbContext(options, new NoScope(), TestDatabase.Protector);

        Assert.Same(options, first.GetService<IDbContextOptions>());
        Assert.Same(options, second.GetService<IDbContextOptions>());
    }

    [Fact]
    public async Task A_context_on_bare_options_still_gets_the_key_factory_and_the_collation()
    {
        var path = File();
        var options = new DbContextOptionsBuilder<SqliteTalentHubDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(path)).Options;

        await using var db = new SqliteTalentHubDbContext(options, new NoScope(), TestDatabase.Protector);
        await db.Database.OpenConnectionAsync();
        var ordered = await db.Database.SqlQueryRaw<string>(
            $"SELECT value AS \"Value\" FROM json_each('[\"张伟\",\"阿强\",\"李娜\"]') ORDER BY value COLLATE {Pinyin.Collation}").ToListAsync();
        await db.Database.CloseConnectionAsync();

        Assert.IsType<ProtectorModelCacheKeyFactory>(db.GetService<IModelCacheKeyFactory>());
        Assert.Equal(["阿强", "李娜", "张伟"], ordered);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.File.Delete(path);
    }
}
