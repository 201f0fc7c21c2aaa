using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// The real app with demo data, in its own temporary data directory. Fixed personal-data keys keep
/// the EF model (which holds the converter) valid for every factory in the test process. Unless it
/// <see cref="SeedsItself"/>, an app whose seed would be the default one starts from a copy of the
/// <see cref="SeedTemplate"/> (the same seed, made once a day per test process) instead of seeding again.
/// </summary>
public class TalentHubFactory : WebApplicationFactory<Program>
{
    public const string TestEncryptionKey = "dGFsZW50aHViLXRlc3QtZW5jcnlwdGlvbi1rZXktMzI=";
    public const string TestHashKey = "dGFsZW50aHViLXRlc3QtaGFzaC1rZXktMzJieXRlcyE=";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "talenthub-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A valid Quartz cron that never comes (midnight, 1 January 2099).</summary>
    public const string NeverCron = "0 0 0 1 1 ? 2099";

    /// <summary>The seam that runs a competing write just before one of the app's saves (dormant until armed).</summary>
    public RivalSave Rival { get; } = new();
    /// <summary>Runs a rival before the app's next bulk statement of a kind (<see cref="Support.RivalCommand"/>).</summary>
    public RivalCommand RivalCommand { get; } = new();

    /// <summary>What the app logs at Information and above.</summary>
    public LogSink Logged { get; } = new();

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Room on the Shanghai day for the app to start and seed, also on a loaded CI machine.</summary>
    public static readonly TimeSpan StartupNeed = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The Asia/Shanghai date the app seeded its demo data on: last month's dispatch report, the month-end snapshots and
    /// the examples are relative to it, not to the day a test runs (a suite may run across midnight).
    /// </summary>
    public DateOnly SeedDay { get; private set; }

    /// <summary>The app's clock (its <see cref="TimeProvider"/>): the system's, unless a test's factory gives a fake one.</summary>
    protected virtual TimeProvider Clock => TimeProvider.System;

    /// <summary>
    /// True: the app migrates and seeds its own empty data directory, as a real first start does, instead of starting
    /// from a copy of the <see cref="SeedTemplate"/>. For tests of start-up, migration or seeding themselves, and for
    /// tests of what the app logs or writes from its first start on.
    /// </summary>
    public bool SeedsItself { get; init; }

    /// <summary>
    /// Whether this app starts from a copy of the <see cref="SeedTemplate"/>: it does not seed itself, runs on the system
    /// clock and on SQLite, seeds demo data, and every setting it changes is the default or one seeding does not read
    /// (<see cref="SeedTemplate.NotReadBySeeding"/>), so its own seed would be the template's. Only <see cref="Settings"/>
    /// are seen here: a factory that changes what seeding writes in its own <c>ConfigureWebHost</c> must set
    /// <see cref="SeedsItself"/>.
    /// </summary>
    public bool StartsFromTemplate => !SeedsItself && Clock == TimeProvider.System && Settings.All(s =>
        SeedTemplate.IsNotReadBySeeding(s.Key) || (Defaults.TryGetValue(s.Key, out var value) && value == s.Value));

    /// <summary>
    /// Starts the app wholly within one Shanghai day, so <see cref="SeedDay"/> is that day: after copying the template
    /// seeded on it (<see cref="StartsFromTemplate"/>), else migrating and seeding.
    /// </summary>
    /// <exception cref="InvalidOperationException">Start-up took longer than <see cref="StartupNeed"/> and crossed midnight.</exception>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var left = ShanghaiDays.LeftOf(Clock.GetUtcNow());
        if (left < StartupNeed && Clock == TimeProvider.System) Thread.Sleep(left + TimeSpan.FromMilliseconds(200));
        SeedDay = StartsFromTemplate ? SeedTemplate.CopyTo(DataDirectory) : ShanghaiDays.Today(Clock);
        var host = base.CreateHost(builder);
        if (ShanghaiDays.Today(Clock) != SeedDay)
            throw new InvalidOperationException($"The app took over {StartupNeed} to start and its seed crossed a Shanghai midnight.");
        return host;
    }

    /// <summary>What every test app is configured with, before its own <see cref="Settings"/>.</summary>
    private Dictionary<string, string?> Defaults => new()
        {
            ["TalentHub:DataDirectory"] = DataDirectory,
            ["TalentHub:SeedDemoData"] = "true",
            ["TalentHub:LoginAttemptsPerMinute"] = "100000",
            // The shared app serves many tests from one address; VerifyRateLimitTests prove the limit on their own app.
            ["TalentHub:Verify:PerMinute"] = "100000",
            // Tests sign the same demo staff in many times within one 30-second step; SingleUseAuthenticatorTests prove the rule.
            ["TalentHub:Security:RefuseReusedAuthenticatorCodes"] = "false",
            // Tests check that every login gets through, not how fast: on a saturated host (load 50) 40 hashes queued
            // behind one permit outlast the 15 s wait. PasswordWorkGateTests and PasswordWorkBusyLimitsTests prove the wait.
            ["TalentHub:PasswordWork:WaitSeconds"] = "300",
            ["TalentHub:PersonalData:EncryptionKey"] = TestEncryptionKey,
            ["TalentHub:PersonalData:HashKey"] = TestHashKey,
            // Jobs whose work tests do themselves, at the step they choose, do not also fire on the clock under them: the
            // calendar jobs would add a month-end snapshot (00:20) or a dispatch report (06:00 on the 1st, Asia/Shanghai)
            // beside the seeded ones; the course sweep (every minute) would complete a finished course and decide its
            // trainees while a test is still marking their attendance; the certificate issuer (every 5 minutes) would
            // issue what a test's own issuers are to issue. Run now (Admin/Jobs, TriggerJob) still runs them.
            ["TalentHub:Jobs:IndicatorSnapshotCron"] = NeverCron,
            ["TalentHub:Jobs:DispatchReportCron"] = NeverCron,
            ["TalentHub:Jobs:CourseLifecycleCron"] = NeverCron,
            ["TalentHub:Jobs:CertificateIssueCron"] = NeverCron,
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = Defaults;
        foreach (var (key, value) in Settings) settings[key] = value;
        // Settings must be visible while Program builds its services, so use the host's configuration.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        if (Clock != TimeProvider.System) builder.ConfigureTestServices(s => s.AddSingleton(Clock));
        builder.ConfigureLogging(l => l.AddProvider(Logged));
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteTalentHubDbContext>(o => o.AddInterceptors(Rival, RivalCommand));
            s.ConfigureDbContext<PostgresTalentHubDbContext>(o => o.AddInterceptors(Rival, RivalCommand));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { /* SQLite may still hold the file for a moment; temp is cleaned anyway. */ }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<TalentHubFactory>
{
    public const string Name = "app";
}
