using Microsoft.Data.Sqlite;
using TalentHub.Web.Infrastructure;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// The demo database exactly as a first start leaves it (every migration applied, demo data seeded), made once per test
/// process and Asia/Shanghai day, so that a <see cref="TalentHubFactory"/> whose seed would be the same starts from a copy
/// of it instead of seeding again.
/// <para>
/// Why: seeding the demo data (people, accounts, entities, courses, then the real completion sweep, certificate issue,
/// follow-ups, examples and last month's reports) is most of an app's start: 7–20 s of CPU per factory on the 2-core CI
/// machine, paid by each of the twenty-odd factories with demo data, against well under a second for a copy and the
/// start on an already seeded database (which migrates and seeds nothing, as every later start of a real deployment).
/// </para>
/// <para>
/// What stays each factory's own: its data directory, with its own data-protection keys, Quartz job store, uploads,
/// backups and notifications log (only <c>talenthub.db</c> is copied, before the app starts). What the copies share: the
/// seeded rows, so the same user ids, password hashes and security stamps (never a secret between factories, whose
/// cookies are protected with their own keys). The seed's time-relative rows are dated from the template's seeding,
/// which is at most one suite earlier on the same Shanghai day (<see cref="TalentHubFactory.SeedDay"/>): the demo session
/// "running now" (10 minutes before the seed to 3 hours after) still runs.
/// </para>
/// <para>
/// When a factory does not use it (<see cref="TalentHubFactory.StartsFromTemplate"/>): it says it
/// <see cref="TalentHubFactory.SeedsItself"/> (tests of start-up, migration or seeding themselves, and tests of what the
/// app logs or writes from its first start), it has a clock of its own, it runs on PostgreSQL, it seeds no demo data
/// (a quick start anyway), or it changes a setting seeding may read (<see cref="NotReadBySeeding"/> lists those it does
/// not).
/// </para>
/// </summary>
public static class SeedTemplate
{
    /// <summary>
    /// Settings that seeding does not read, and so cannot change what it writes: request limits, the password-work gate,
    /// reuse of authenticator codes, jobs and their crons (the template is made with Quartz off; jobs start after seeding
    /// anyway), the public address of password-help links and the import chunk size. A key equal to, or starting with,
    /// one of these.
    /// </summary>
    public static readonly IReadOnlyList<string> NotReadBySeeding =
    [
        "Quartz:", "TalentHub:Jobs:",
        "TalentHub:LoginAttemptsPerMinute", "TalentHub:SignUpsPerHour", "TalentHub:ApiRequestsPerMinute", "TalentHub:Verify:",
        "TalentHub:PasswordWork:", "TalentHub:Security:RefuseReusedAuthenticatorCodes",
        "TalentHub:PublicUrl", "TalentHub:Import:",
    ];

    private static readonly Lock Gate = new();
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "talenthub-tests", "template-" + Guid.NewGuid().ToString("N"));
    private static (DateOnly Day, string Database)? current;

    static SeedTemplate() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* temp is cleaned anyway */ }
    };

    /// <summary>True when a setting of <paramref name="key"/> cannot change what seeding writes.</summary>
    public static bool IsNotReadBySeeding(string key) =>
        NotReadBySeeding.Any(n => n.EndsWith(':') ? key.StartsWith(n, StringComparison.Ordinal) : key == n);

    /// <summary>
    /// Copies today's template (made first when there is none for today's Shanghai day) to <c>talenthub.db</c> in
    /// <paramref name="dataDirectory"/>, created private as the app creates it, and returns the day it was seeded on.
    /// Concurrent callers wait for one making of the template.
    /// </summary>
    public static DateOnly CopyTo(string dataDirectory)
    {
        string database;
        DateOnly day;
        lock (Gate)
        {
            if (current is not { } made || made.Day != ShanghaiDays.Today()) current = made = Make();
            (day, database) = made;
        }
        DataDirectory.CreatePrivate(dataDirectory);
        File.Copy(database, Path.Combine(dataDirectory, "talenthub.db"));
        return day;
    }

    /// <summary>A first start of the demo app (Quartz off, so nothing but migration and seeding writes), backed up to one file.</summary>
    private static (DateOnly, string) Make()
    {
        using var app = new TemplateFactory();
        _ = app.Services; // starts the app: migrates and seeds its empty data directory
        var database = Path.Combine(DataDirectory.CreatePrivate(Folder), $"talenthub-{app.SeedDay:yyyyMMdd}-{Guid.NewGuid():N}.db");
        using (var from = Open(Path.Combine(app.DataDirectory, "talenthub.db")))
        using (var to = Open(database))
        {
            from.BackupDatabase(to);
            // The backup of a WAL database is in WAL mode too: make it one self-contained file to copy.
            using var command = to.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }
        return (app.SeedDay, database);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The default test app, seeding itself, with its scheduler never started.</summary>
    private sealed class TemplateFactory : TalentHubFactory
    {
        public TemplateFactory() => SeedsItself = true;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Quartz:Enabled"] = "false" };
    }
}
