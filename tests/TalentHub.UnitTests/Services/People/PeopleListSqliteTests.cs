using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Pages.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.UnitTests.Services.People;

/// <summary>
/// The registry list's SQLite reader (issue 12, perf6b: fixed SQL on kept prepared statements instead of EF) selects
/// exactly what the EF query selects — same rows, order, page clamping, totals, categories, decrypted identifiers —
/// for every kind of filter and sort, in the city scope and in each county's scope; rows of an import not yet
/// committed and other counties' people stay hidden.
/// </summary>
public sealed class PeopleListSqliteTests
{
    private const string Anji = "330523000000", Deqing = "330521000000";
    private const string Yucun = "330523108204", Wukang = "330521001201";
    private sealed class Scope(string? county) : IRegionScope { public string? CountyCode => county; }

    [Fact]
    public async Task Every_filter_sort_page_and_scope_reads_the_same_as_EF()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (pendingId, mobile, idNumber) = await SeedAsync(database);
        var filters = new List<PeopleFilter>();
        foreach (var q in new string?[] { null, "秀兰", "秀", "兰王", mobile[^4..], mobile, idNumber, "无此人" })
        foreach (var sort in new string?[] { null, "birth", "created", "region" })
        foreach (var desc in new[] { false, true })
            filters.Add(new PeopleFilter { Q = q, Sort = sort, Desc = desc });
        filters.Add(new PeopleFilter { Q = "秀兰", County = Deqing });
        filters.Add(new PeopleFilter { Q = "秀", Township = "330523108000" });
        filters.Add(new PeopleFilter { Township = "330521001000", Sort = "birth" });
        filters.Add(new PeopleFilter { Category = TalentCategory.LocalTalent });
        filters.Add(new PeopleFilter { Q = "秀兰", Category = TalentCategory.HighQualityFarmer, Desc = true });
        filters.Add(new PeopleFilter { Industry = "茶叶" });
        filters.Add(new PeopleFilter { Industry = "茶叶", Education = EducationLevel.Primary, Q = "秀" });

        var compared = 0;
        foreach (var county in new string?[] { null, Anji, Deqing })
        {
            await using var db = database.NewContext(new Scope(county));
            foreach (var filter in filters)
            foreach (var page in new[] { 1, 2, 99, -3 })
            {
                var fast = await IndexModel.ReadAsync(db, filter, page, TestDatabase.Protector);
                var ef = await IndexModel.ReadAsync(db, filter, page, TestDatabase.Protector, viaEf: true);
                Assert.Equal((ef.Number, ef.Total), (fast.Number, fast.Total));
                Assert.Equal(string.Join("\n", Flatten(ef.Items)), string.Join("\n", Flatten(fast.Items)));
                Assert.DoesNotContain(fast.Items, p => p.Id == pendingId);
                if (county is not null) Assert.All(fast.Items, p => Assert.Equal(county, p.CountyCode));
                compared += fast.Items.Count;
            }
        }
        Assert.True(compared > 1000, $"only {compared} rows compared");

        // Not vacuous: the city sees both counties' 秀兰, Anji only its own, and categories and mobiles come through.
        await using (var city = database.NewContext(new Scope(null)))
        {
            var page = await IndexModel.ReadAsync(city, new PeopleFilter { Q = "秀兰" }, 1, TestDatabase.Protector);
            var rest = await IndexModel.ReadAsync(city, new PeopleFilter { Q = "秀兰" }, 2, TestDatabase.Protector);
            Assert.Equal(26, page.Total);
            Assert.Equal(26, page.Items.Count + rest.Items.Count);
            Assert.Contains(rest.Items, p => p.CountyCode == Deqing); // 王 sorts after 阿 and 李 in pinyin order
            Assert.Contains(page.Items, p => p.Categories.Count == 2 && p.Mobile is not null);
        }
        await using (var anji = database.NewContext(new Scope(Anji)))
            Assert.Equal(25, (await IndexModel.ReadAsync(anji, new PeopleFilter { Q = "秀兰" }, 2, TestDatabase.Protector)).Total);
    }

    [Fact]
    public async Task Kept_statements_are_reused_and_see_later_writes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database);
        await using var db = database.NewContext(new Scope(Anji));
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var filter = new PeopleFilter { Q = "秀兰" };

        var before = await IndexModel.ReadAsync(db, filter, 1, TestDatabase.Protector);
        var kept = SqliteStatements.KeptCount(connection);
        Assert.True(kept >= 2); // the page and its categories
        Assert.Equal(before.Total, (await IndexModel.ReadAsync(db, filter, 1, TestDatabase.Protector)).Total);
        Assert.Equal(kept, SqliteStatements.KeptCount(connection));

        // A write through another connection is seen by the kept statement (it holds no read snapshot between uses).
        await using (var other = database.NewContext())
        {
            await other.Database.ExecuteSqlRawAsync("UPDATE \"People\" SET \"Name\" = '张三' WHERE \"Name\" = '王秀兰3'");
        }
        Assert.Equal(before.Total - 1, (await IndexModel.ReadAsync(db, filter, 1, TestDatabase.Protector)).Total);
        await db.Database.CloseConnectionAsync();

        // Dropping the pooled connections leaves the next connection working (new handle, statements prepared again).
        SqliteConnection.ClearAllPools();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await using var again = database.NewContext(new Scope(Anji));
        Assert.Equal(before.Total - 1, (await IndexModel.ReadAsync(again, filter, 1, TestDatabase.Protector)).Total);
    }

    [Fact]
    public async Task RawScalar_on_a_kept_statement_reads_the_current_value()
    {
        await using var database = await TestDatabase.CreateAsync();
        List<int> ids;
        await using (var seed = database.NewContext()) ids = await seed.PeopleAsync(1);
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        const string sql = "SELECT \"Name\" FROM \"People\" WHERE \"Id\" = @id";
        var first = await RawScalar.ReadAsync(db, sql, "id", ids[0]);
        await using (var other = database.NewContext())
            await other.Database.ExecuteSqlRawAsync("UPDATE \"People\" SET \"Name\" = '改名' WHERE \"Id\" = {0}", ids[0]);
        Assert.NotEqual("改名", first);
        Assert.Equal("改名", await RawScalar.ReadAsync(db, sql, "id", ids[0]));
        Assert.Null(await RawScalar.ReadAsync(db, sql, "id", -1));
        Assert.True(SqliteStatements.KeptCount((SqliteConnection)db.Database.GetDbConnection()) >= 1);
    }

    private static IEnumerable<string> Flatten(IEnumerable<PeopleListItem> items) => items.Select(p =>
        $"{p.Id}|{p.Name}|{p.Sex}|{p.BirthDate:O}|{p.IdNumber}|{p.Mobile}|{p.Industry}|{p.RegionCode}|{p.CountyCode}|" +
        string.Join(",", p.Categories.OrderBy(c => c.Value).Select(c => $"{c.Value}:{c.Subtype}"))); // the page orders them by value

    /// <summary>25 秀兰 in Anji (some with categories, mobiles, industries), one in Deqing, a few others, one pending import row.</summary>
    private static async Task<(int PendingId, string Mobile, string IdNumber)> SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        db.Regions.AddRange(
            new Region { Code = Deqing, Name = "德清县", NameEn = "Deqing", Level = RegionLevel.County, ParentCode = "330500000000" },
            new Region { Code = "330521001000", Name = "武康街道", NameEn = "Wukang", Level = RegionLevel.Township, ParentCode = Deqing },
            new Region { Code = Wukang, Name = "城东村", NameEn = "Chengdong", Level = RegionLevel.Village, ParentCode = "330521001000" });
        var people = new List<Person>();
        Person Add(string name, string village, int n)
        {
            var id = IdNumber.Create(village[..6], new DateOnly(1970, 1, 1).AddDays(n * 37 % 9000), n, n % 2 == 0 ? Sex.Female : Sex.Male);
            var person = new Person { Name = name, CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n * 7 % 100) };
            person.SetIdNumber(id, TestDatabase.Protector.Hash(id.Value));
            person.MoveTo(village);
            people.Add(person);
            return person;
        }
        for (var i = 0; i < 25; i++)
        {
            var p = Add($"{(i % 3 == 0 ? "王" : i % 3 == 1 ? "李" : "阿")}秀兰{i}", Yucun, i + 1);
            if (i % 4 == 0) p.SetCategories([TalentCategory.LocalTalent, TalentCategory.HighQualityFarmer], LocalTalentType.ProductionExpert, null);
            else if (i % 4 == 1) p.SetCategories([TalentCategory.HighQualityFarmer], null, null);
            if (i % 5 == 0) { var m = $"1381234{i:0000}"; p.SetMobile(m, TestDatabase.Protector.Hash); }
            if (i % 2 == 0) p.Industry = "茶叶";
            if (i % 3 == 0) p.Education = EducationLevel.Primary;
        }
        var deqing = Add("王秀兰德", Wukang, 90);
        deqing.Industry = "茶叶";
        Add("兰王秀", Wukang, 91);
        Add("赵兰王", Yucun, 92);
        var pending = Add("王秀兰待", Yucun, 93);
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync($"UPDATE \"People\" SET \"{ImportBatchFilter.Column}\" = 7 WHERE \"Id\" = {{0}}", pending.Id);
        // A pending category on a visible person stays hidden too.
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"PersonCategory\" (\"PersonId\", \"Category\", \"{ImportBatchFilter.Column}\") VALUES ({{0}}, 'PracticalTalentLeader', 7)", people[2].Id);
        var withMobile = people[0];
        return (pending.Id, withMobile.Mobile!, withMobile.IdNumber);
    }
}
