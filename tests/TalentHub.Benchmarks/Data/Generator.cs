using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Benchmarks.Data;

/// <summary>
/// Fills a migrated, demo-seeded TalentHub SQLite database at a <see cref="Scale"/>: people (ID number and mobile
/// encrypted and keyed-hashed by the app's own <see cref="PersonalDataProtector"/>, ID numbers built by the domain's
/// <see cref="IdNumber"/>), categories and ventures, farmer logins, then courses with sessions, enrollments,
/// attendance, certificates, follow-ups and month-end snapshots. Deterministic (fixed seed); rows go through
/// prepared commands in one transaction per table, not through EF.
/// </summary>
public sealed partial class Generator(string connectionString, PersonalDataProtector protector, TimeProvider clock)
{
    private const int BirthDays = 16_000; // 1960-01-01 .. 2003-10-20, so everyone is 22..66
    private static readonly DateOnly FirstBirth = new(1960, 1, 1);
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "沈", "朱", "胡", "钱", "姚", "潘", "施", "俞"];
    private static readonly string[] Given = ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "华", "建", "国", "英", "春", "海", "林", "红", "玉", "志", "雪"];
    private static readonly string[] Industries = ["白茶", "竹木加工", "湖羊养殖", "水产养殖", "乡村旅游", "农村电商", "蔬菜种植", "水果种植", "农机服务", "民宿"];

    private readonly Random _rng = new(20261130);
    private readonly Dictionary<string, long> _rows = [];
    private DateTimeOffset _now;

    /// <summary>People of each county, by id, so courses enroll people who live there.</summary>
    private readonly Dictionary<string, List<int>> _peopleByCounty = [];
    private readonly Dictionary<int, (string Region, string County)> _homes = [];

    public async Task<GeneratedData> RunAsync(Scale scale, Action<string>? log = null)
    {
        log ??= _ => { };
        _now = clock.GetUtcNow();
        var sw = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Exec(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000; PRAGMA temp_store = MEMORY;");

        var villages = Query(connection, $"SELECT Code FROM Regions WHERE Level = '{nameof(RegionLevel.Village)}' ORDER BY Code", r => r.GetString(0));
        var counties = Query(connection, $"SELECT Code FROM Regions WHERE Level = '{nameof(RegionLevel.County)}' ORDER BY Code", r => r.GetString(0));
        var farmers = InsertPeople(connection, scale, villages);
        log($"   people: {_rows["People"]:N0} in {sw.Elapsed.TotalSeconds:0.0} s");
        InsertFarmerAccounts(connection, farmers);
        var history = InsertHistory(connection, scale, counties);
        log($"   courses and history: {_rows["Enrollments"]:N0} enrollments, {_rows["AttendanceRecords"]:N0} attendance, " +
            $"{_rows["Certificates"]:N0} certificates at {sw.Elapsed.TotalSeconds:0.0} s");
        var open = InsertOpenCourses(connection, counties);
        var classroom = farmers.Take(40).ToList();
        var (checkInCourse, checkInSession, secret) = InsertClassroom(connection, counties[0], classroom);
        InsertSnapshots(connection, counties);
        Exec(connection, "PRAGMA optimize;");
        var seconds = sw.Elapsed.TotalSeconds;
        return new GeneratedData(scale.Name, _rows, Math.Round(seconds, 1), "王秀", history.StoryPersonId, open, checkInCourse, checkInSession,
            secret, classroom, farmers.Skip(40).ToList());
    }

    /// <summary>People, their categories and ventures. Returns the farmers (every person with a login), in id order.</summary>
    private List<Farmer> InsertPeople(SqliteConnection connection, Scale scale, IReadOnlyList<string> villages)
    {
        var firstId = NextId(connection, "People");
        var farmerEvery = Math.Max(1, scale.People / scale.Farmers);
        var farmers = new List<Farmer>();
        using var tx = connection.BeginTransaction();
        using var people = new BulkInsert(connection, tx, "People", "Id", "Name", "IdNumber", "IdNumberHash", "Sex", "BirthDate", "Mobile",
            "MobileHash", "MobileTail", "RegionCode", "CountyCode", "Education", "Industry", "IncomeBand", "CreatedAt", "UpdatedAt", "Version");
        using var categories = new BulkInsert(connection, tx, "PersonCategory", "PersonId", "Category", "LocalTalentType");
        using var ventures = new BulkInsert(connection, tx, "Ventures", "PersonId", "Origin", "ReturnedOn", "Name", "Industry", "Investment", "JobsCreated");
        for (var i = 0; i < scale.People; i++)
        {
            var id = firstId + i;
            var village = villages[_rng.Next(villages.Count)];
            var county = RegionCodes.CountyOf(village)!;
            var sex = _rng.Next(2) == 0 ? Sex.Male : Sex.Female;
            // (birth day, sequence) is unique per i, so every ID number is unique whatever the region prefix.
            var birth = FirstBirth.AddDays(i % BirthDays);
            var idNumber = IdNumber.Create(village[..6], birth, 2 * (i / BirthDays % 500) + (sex == Sex.Male ? 1 : 0), sex).Value;
            var isFarmer = i % farmerEvery == 0 && farmers.Count < scale.Farmers;
            string? mobile = isFarmer || _rng.Next(10) > 0 ? $"139{i:D8}" : null;
            var name = Surnames[_rng.Next(Surnames.Length)] + Given[_rng.Next(Given.Length)] + (_rng.Next(3) > 0 ? Given[_rng.Next(Given.Length)] : "");
            var industry = Industries[_rng.Next(Industries.Length)];
            var education = _rng.Next(8) is var e && e < 7 ? ((EducationLevel)e).ToString() : null;
            var created = _now.AddMinutes(-i).UtcTicks;
            people.Add(id, name, protector.Encrypt(idNumber), protector.Hash(idNumber), sex.ToString(), birth.ToString("yyyy-MM-dd"),
                mobile is null ? null : protector.Encrypt(mobile), mobile is null ? null : protector.Hash(mobile), mobile?[^4..],
                village, county, education, industry, ((IncomeBand)_rng.Next(4)).ToString(), created, created, 0);
            var first = (TalentCategory)_rng.Next(5);
            var second = _rng.Next(4) == 0 ? (TalentCategory)_rng.Next(5) : first;
            foreach (var category in new[] { first, second }.Distinct())
            {
                categories.Add(id, category.ToString(), category == TalentCategory.LocalTalent ? ((LocalTalentType)_rng.Next(5)).ToString() : null);
                if (category == TalentCategory.ReturningEntrepreneur)
                    ventures.Add(id, ((EntrepreneurOrigin)_rng.Next(5)).ToString(), new DateOnly(2020, 1, 1).AddDays(_rng.Next(2000)).ToString("yyyy-MM-dd"),
                        industry + "工作室", industry, $"{_rng.Next(5, 500)}.0", _rng.Next(1, 30));
            }
            if (isFarmer) farmers.Add(new Farmer(mobile!, id));
            if (!_peopleByCounty.TryGetValue(county, out var list)) _peopleByCounty[county] = list = [];
            list.Add(id);
            _homes[id] = (village, county);
        }
        tx.Commit();
        _rows["People"] = people.Count;
        _rows["PersonCategory"] = categories.Count;
        _rows["Ventures"] = ventures.Count;
        return farmers;
    }

    /// <summary>
    /// A farmer login per farmer, as sign-up makes it (user name from the mobile hash, Farmer role). The password hash is
    /// the one the demo seed computed for every demo account, so each farmer logs in with the demo password.
    /// </summary>
    private void InsertFarmerAccounts(SqliteConnection connection, IReadOnlyList<Farmer> farmers)
    {
        var passwordHash = (string)Scalar(connection,
            "SELECT PasswordHash FROM AspNetUsers WHERE PasswordHash IS NOT NULL AND PersonId IS NOT NULL LIMIT 1");
        var farmerRole = (string)Scalar(connection, "SELECT Id FROM AspNetRoles WHERE Name = 'Farmer'");
        using var tx = connection.BeginTransaction();
        using var users = new BulkInsert(connection, tx, "AspNetUsers", "Id", "DisplayName", "RegionCode", "PersonId", "CreatedAt", "UserName",
            "NormalizedUserName", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed",
            "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
        using var roles = new BulkInsert(connection, tx, "AspNetUserRoles", "UserId", "RoleId");
        foreach (var farmer in farmers)
        {
            var id = Guid(_rng).ToString();
            var userName = FarmerAccounts.UserNameFor(protector.Hash(farmer.Mobile));
            users.Add(id, "农户" + farmer.PersonId, _homes[farmer.PersonId].Region, farmer.PersonId, _now.UtcTicks, userName,
                userName.ToUpperInvariant(), 0, passwordHash, Guid(_rng).ToString("N").ToUpperInvariant(), Guid(_rng).ToString(), 0, 0, 1, 0);
            roles.Add(id, farmerRole);
        }
        tx.Commit();
        _rows["AspNetUsers"] = users.Count;
    }

    private static Guid Guid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    internal static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static object Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() ?? throw new InvalidOperationException("No value for " + sql);
    }

    internal static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read()) list.Add(read(reader));
        return list;
    }
}
