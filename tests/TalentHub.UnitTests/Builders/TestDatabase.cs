using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.Notifications;
using TalentHub.Web.Services.Audit;

namespace TalentHub.UnitTests.Builders;

/// <summary>A migrated SQLite database in a temp file with a fake clock, for service tests without the web host.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    internal static readonly PersonalDataProtector Protector = new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"talenthub-unit-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));

    private sealed class NoScope : IRegionScope { public string? CountyCode => null; }

    /// <summary>A context on the test file; <paramref name="interceptors"/> as the app would add them (none by default).</summary>
    public TalentHubDbContext NewContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<SqliteTalentHubDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(_path)).AddInterceptors(interceptors).Options;
        return new SqliteTalentHubDbContext(options, new NoScope(), Protector);
    }

    /// <summary>A context on the test file confined to <paramref name="scope"/> (the region filter's county).</summary>
    public TalentHubDbContext NewContext(IRegionScope scope) => new SqliteTalentHubDbContext(
        new DbContextOptionsBuilder<SqliteTalentHubDbContext>().UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(_path)).Options,
        scope, Protector);

    /// <summary>A context on the test file whose connections give up on a locked database after <paramref name="defaultTimeoutSeconds"/>.</summary>
    public TalentHubDbContext NewContext(int defaultTimeoutSeconds, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var connectionString = new SqliteConnectionStringBuilder(DataServiceCollectionExtensions.SqliteConnectionString(_path))
        { DefaultTimeout = defaultTimeoutSeconds }.ToString();
        var options = new DbContextOptionsBuilder<SqliteTalentHubDbContext>().UseSqlite(connectionString).AddInterceptors(interceptors).Options;
        return new SqliteTalentHubDbContext(options, new NoScope(), Protector);
    }

    /// <summary>A context on the test file whose node holds <paramref name="keys"/> (key rotation, key checks).</summary>
    public TalentHubDbContext NewContext(PersonalDataProtector keys) => new SqliteTalentHubDbContext(
        new DbContextOptionsBuilder<SqliteTalentHubDbContext>().UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(_path)).Options,
        new NoScope(), keys);

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        db.Regions.AddRange(
            new Region { Code = "330500000000", Name = "湖州市", NameEn = "Huzhou", Level = RegionLevel.City },
            new Region { Code = "330523000000", Name = "安吉县", NameEn = "Anji", Level = RegionLevel.County, ParentCode = "330500000000" },
            new Region { Code = "330523108000", Name = "天荒坪镇", NameEn = "Tianhuangping", Level = RegionLevel.Township, ParentCode = "330523000000" },
            new Region { Code = "330523108204", Name = "余村", NameEn = "Yucun", Level = RegionLevel.Village, ParentCode = "330523108000" });
        await db.SaveChangesAsync();
        return database;
    }

    public CourseClock CourseClock(TalentHubDbContext db) => new(db, new Outbox(db, Clock), Clock);

    /// <summary>The one writers' queue of this database, as the app has one per process.</summary>
    public WriteTurns Turns { get; } = new();

    public EnrollmentService Enrollment(TalentHubDbContext db) =>
        new(db, new EnrollmentFacts(db), new Outbox(db, Clock), new AuditLog(db, new CurrentActor(new Microsoft.AspNetCore.Http.HttpContextAccessor()), Clock), Clock, Turns);

    public OutboxDispatcher Dispatcher(TalentHubDbContext db, INotificationSender sender) =>
        new(db, sender, Texts.L,
            Clock, NullLogger<OutboxDispatcher>.Instance);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
