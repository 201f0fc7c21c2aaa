using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services;

namespace TalentHub.Web.Data;

/// <summary>
/// The provider-neutral model. Each provider has a thin subclass with its own migrations. The app leases its contexts
/// from EF's pool (<c>AddPooledDbContextFactory</c>; issue 12, perf7a: a new context per request set up EF's scoped
/// services again, ~5–8 % of a warm <c>/People?q=…</c>), so the request's region scope and the node's personal-data
/// keys are handed to each lease through <see cref="Use"/>, not the constructor; a context used without them throws.
/// </summary>
public abstract class TalentHubDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private IRegionScope? scope;
    private PersonalDataProtector? protector;

    /// <summary>For EF's pool: <see cref="Use"/> must follow before the context is used.</summary>
    protected TalentHubDbContext(DbContextOptions options) : base(options) { }

    /// <summary>A context outside the pool (tests, tools), ready for use.</summary>
    protected TalentHubDbContext(DbContextOptions options, IRegionScope scope, PersonalDataProtector protector) : base(options) =>
        Use(scope, protector);

    /// <summary>Gives this context (a fresh one or a pool's lease) the caller's region scope and personal-data keys.</summary>
    internal void Use(IRegionScope regionScope, PersonalDataProtector keys) => (scope, protector) = (regionScope, keys);

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Person> People => Set<Person>();
    /// <summary>Name bigrams for the registry search, written by triggers on People (read-only for the app).</summary>
    public DbSet<PersonNameGram> PersonNameGrams => Set<PersonNameGram>();
    public DbSet<BusinessEntity> BusinessEntities => Set<BusinessEntity>();
    public DbSet<TrainingProgram> Programs => Set<TrainingProgram>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseSession> CourseSessions => Set<CourseSession>();
    public DbSet<Enrollment> Enrollments => Set<Enrollment>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<CheckInFailure> CheckInFailures => Set<CheckInFailure>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CertificateCounter> CertificateCounters => Set<CertificateCounter>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<Notification> Outbox => Set<Notification>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<AnnualTarget> Targets => Set<AnnualTarget>();
    public DbSet<IndicatorSnapshot> Snapshots => Set<IndicatorSnapshot>();
    public DbSet<DispatchReport> DispatchReports => Set<DispatchReport>();
    public DbSet<TypicalExample> Examples => Set<TypicalExample>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    /// <summary>Create forms' one-time tokens and the record each one created (<see cref="FormSubmission"/>).</summary>
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<Domain.Api.ApiToken> ApiTokens => Set<Domain.Api.ApiToken>();
    /// <summary>The shared data-protection key ring on PostgreSQL (each key's XML encrypted by KeyRingProtection).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Cluster.KeyFingerprint> KeyFingerprints => Set<Cluster.KeyFingerprint>();
    public DbSet<Cluster.PendingUpload> PendingUploads => Set<Cluster.PendingUpload>();
    public DbSet<Cluster.LoginFailure> LoginFailures => Set<Cluster.LoginFailure>();
    public DbSet<Cluster.AddressCount> AddressCounts => Set<Cluster.AddressCount>();

    /// <summary>Read by the <see cref="RegionFilter"/> of region-owned entities; EF evaluates it per query.</summary>
    internal string? ScopedCountyCode => (scope ?? throw NotLeased()).CountyCode;
    internal PersonalDataProtector Protector => protector ?? throw NotLeased();

    private static InvalidOperationException NotLeased() =>
        new("This context has no region scope and keys; lease it through TalentHubDbContext.Lease or construct it with them.");

    /// <summary>A context from <paramref name="pool"/> with the scope and keys of <paramref name="services"/> (a request scope).</summary>
    public static TContext Lease<TContext>(IDbContextFactory<TContext> pool, IServiceProvider services) where TContext : TalentHubDbContext
    {
        var context = pool.CreateDbContext();
        context.Use(services.GetRequiredService<IRegionScope>(), services.GetRequiredService<PersonalDataProtector>());
        return context;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TalentHubDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.RegionConfiguration).Namespace);
        RegionFilter.Apply(builder, this);
        ImportBatchFilter.Apply(builder);
        // The model is cached per key set (ProtectorModelCacheKeyFactory), so the converter holds this node's keys.
        EncryptedStringConverter.Apply(builder.Model, Protector);
    }

    /// <summary>
    /// The model is cached per key set too (<see cref="ProtectorModelCacheKeyFactory"/>). The app puts this into its
    /// options once (<see cref="UseTalentHubServices"/>); contexts built on other options (tests, tools) get it here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        if (!HasModelCacheKeyFactory(optionsBuilder.Options)) UseTalentHubServices(optionsBuilder);
    }

    /// <summary>
    /// Replaces EF's model cache key factory with <see cref="ProtectorModelCacheKeyFactory"/> in options built once for
    /// every context. Issue 12 (perf7a): done in <see cref="OnConfiguring"/> on every context, it copied the options on
    /// every request, and EF then hashed and looked up the copy in its service-provider cache (~3 % of a warm
    /// <c>/People?q=…</c> in dotnet-trace).
    /// <para>
    /// It also logs EF's "saving changes failed" and "command failed" events at Debug, not Error (polish32): a unique key
    /// refusing a write is often an expected race the caller answers (a form's one-time token, a duplicate checked again),
    /// and EF logged each with its full stack trace. A failure nobody handles still reaches the error page's or the job's
    /// log at Error, with its stack trace; a unique key's refusal logs one line at Information (<see cref="UniqueViolationLog"/>).
    /// </para>
    /// </summary>
    public static DbContextOptionsBuilder UseTalentHubServices(DbContextOptionsBuilder options) =>
        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProtectorModelCacheKeyFactory>()
            .ConfigureWarnings(w => w.Log(
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug)));

    private static bool HasModelCacheKeyFactory(DbContextOptions options) =>
        options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ReplacedServices is { } replaced
        && replaced.TryGetValue((typeof(Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory), null), out var by)
        && by == typeof(ProtectorModelCacheKeyFactory);

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<decimal>().HavePrecision(18, 2);
    }
}

/// <summary>
/// The SQLite model (the default, one node): instants stored as UTC ticks so they sort and compare, and the pinyin
/// collation registered on every connection. Its migrations are under Data/Migrations/Sqlite.
/// </summary>
public sealed class SqliteTalentHubDbContext : TalentHubDbContext
{
    /// <summary>For EF's pool (its only public constructor); see <see cref="TalentHubDbContext.Lease"/>.</summary>
    public SqliteTalentHubDbContext(DbContextOptions<SqliteTalentHubDbContext> options) : base(options) { }

    /// <summary>Outside the pool (tests, tools).</summary>
    internal SqliteTalentHubDbContext(DbContextOptions<SqliteTalentHubDbContext> options, IRegionScope scope, PersonalDataProtector protector)
        : base(options, scope, protector) { }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks instead (still an instant).
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }

    /// <summary>
    /// Every SQLite connection of this context knows the <see cref="Pinyin"/> collation: the app's options carry the
    /// interceptor (<see cref="SqlitePinyin.Instance"/>, added once); other options get it here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        var interceptors = optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.Any(i => i is SqlitePinyin) != true) optionsBuilder.AddInterceptors(SqlitePinyin.Instance);
    }
}

/// <summary>
/// The PostgreSQL model (several nodes possible): instants as timestamptz at offset 0 and an ICU pinyin collation.
/// Its migrations are under Data/Migrations/Postgres.
/// </summary>
public sealed class PostgresTalentHubDbContext : TalentHubDbContext
{
    /// <summary>For EF's pool (its only public constructor); see <see cref="TalentHubDbContext.Lease"/>.</summary>
    public PostgresTalentHubDbContext(DbContextOptions<PostgresTalentHubDbContext> options) : base(options) { }

    /// <summary>Outside the pool (tests, tools).</summary>
    internal PostgresTalentHubDbContext(DbContextOptions<PostgresTalentHubDbContext> options, IRegionScope scope, PersonalDataProtector protector)
        : base(options, scope, protector) { }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // timestamptz holds an instant and Npgsql writes only offset 0: every DateTimeOffset goes in as UTC.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Chinese names and titles sort by pinyin: an ICU collation (deterministic, so equality stays exact).
        builder.HasCollation(Pinyin.Collation, locale: Pinyin.IcuLocale, provider: "icu", deterministic: true);
    }
}
