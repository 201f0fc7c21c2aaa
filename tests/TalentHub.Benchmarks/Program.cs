using System.Data.Common;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentHub.Benchmarks;
using TalentHub.Web.Data;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Audit;

// dotnet run -c Release --project tests/TalentHub.Benchmarks -- [--people 100000]
var people = 100_000;
var at = Array.IndexOf(args, "--people");
if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], out people) || people < 1000))
{
    Console.Error.WriteLine("usage: TalentHub.Benchmarks [--people N]   (N >= 1000, default 100000)");
    return 2;
}

var folder = Directory.CreateTempSubdirectory("talenthub-bench-");
Console.WriteLine($"TalentHub benchmarks: {people:N0} people; {Environment.ProcessorCount} cores, " +
    $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}; database {folder.FullName}/bench.db");
if (File.Exists("/proc/loadavg")) Console.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
var report = new Report();
try
{
    var bench = new BenchDb(Path.Combine(folder.FullName, "bench.db"));
    await bench.CreateAsync();
    var data = await new DataGenerator(bench, report).RunAsync(people);
    await new RegistryBenchmarks(bench, report, data).RunAsync();
    await new EnrollmentBenchmarks(bench, report, data).RunAsync();
    report.Print();
}
finally
{
    SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}
return 0;

namespace TalentHub.Benchmarks
{
    /// <summary>A fresh SQLite file configured as the app configures it (pragmas, WAL, audit interceptor, migrations).</summary>
    public sealed class BenchDb
    {
        private readonly DbContextOptions<SqliteTalentHubDbContext> _plain;
        private readonly DbContextOptions<SqliteTalentHubDbContext> _audited;

        public BenchDb(string path)
        {
            ConnectionString = DataServiceCollectionExtensions.SqliteConnectionString(path);
            var audit = new AuditInterceptor(new CurrentActor(new HttpContextAccessor()), TimeProvider.System);
            _plain = Options(new SqlitePragmas(), Capture);
            _audited = Options(new SqlitePragmas(), Capture, audit);
        }

        public string ConnectionString { get; }

        /// <summary>One key set for the process: the model (and its encryption converter) is built once.</summary>
        public PersonalDataProtector Protector { get; } = new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

        /// <summary>Records the SQL the app runs, so the benchmark can ask SQLite for its plan.</summary>
        public CommandCapture Capture { get; } = new();

        /// <summary>A context as a request gets one; <paramref name="county"/> plays the county user's region scope.</summary>
        public SqliteTalentHubDbContext Open(string? county = null, bool audited = true) =>
            new(audited ? _audited : _plain, new FixedScope(county), Protector);

        public async Task CreateAsync()
        {
            await using var db = Open();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            await db.Database.MigrateAsync();
        }

        private DbContextOptions<SqliteTalentHubDbContext> Options(params IInterceptor[] interceptors) =>
            new DbContextOptionsBuilder<SqliteTalentHubDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options;
    }

    public sealed class FixedScope(string? county) : IRegionScope
    {
        public string? CountyCode => county;
    }

    public sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    public sealed class CommandCapture : DbCommandInterceptor
    {
        private List<CapturedCommand>? _commands;

        public void Start() => _commands = [];

        public IReadOnlyList<CapturedCommand> Stop()
        {
            var commands = _commands ?? [];
            _commands = null;
            return commands;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _commands?.Add(new(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return ValueTask.FromResult(result);
        }
    }
}
