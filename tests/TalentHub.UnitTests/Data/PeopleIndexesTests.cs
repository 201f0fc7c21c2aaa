using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Services.People;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// Issue 12 (imp9a, migration <c>Imp9</c>): every index People keeps is read by a query of the app, the dropped
/// <c>IX_People_Name</c> was read by none; the name bigrams are a <c>WITHOUT ROWID</c> table whose key the name search
/// seeks; the migration keeps every gram and the triggers, both ways.
/// </summary>
public sealed class PeopleIndexesTests
{
    private const string Perf5 = "20261201032711_Perf5";
    private const string Scope = "330523000000";

    private static PeopleFilter.Criteria Criteria(string? industry = null, string? idHash = null, string? tail = null, string? mobileHash = null,
        string? gram = null, string? name = null, PeopleFilter.SortKey sort = PeopleFilter.SortKey.Name) =>
        new(null, null, null, industry, null, idHash, tail, mobileHash, gram, name, sort, false);

    /// <summary>The plan of the registry list's query (<see cref="PeopleListSqlite.Where"/>) for <paramref name="c"/>.</summary>
    private static async Task<string> PlanAsync(SqliteConnection connection, PeopleFilter.Criteria c, string? scope, string order)
    {
        var (where, parameters) = PeopleListSqlite.Where(c, scope);
        return await PlanAsync(connection, $"SELECT p.\"Id\", p.\"Name\" FROM \"People\" AS p WHERE {where} ORDER BY {order} LIMIT 20", parameters);
    }

    private static async Task<string> PlanAsync(SqliteConnection connection, string sql, List<(string Name, object? Value)> parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return string.Join(" ; ", lines);
    }

    private static async Task<List<string>> StringsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        return rows;
    }

    [Fact]
    public async Task Every_index_of_People_is_read_by_a_query_and_there_is_none_on_the_name_alone()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        var indexes = await StringsAsync(connection, "SELECT name FROM pragma_index_list('People') WHERE origin = 'c' ORDER BY name");
        Assert.Equal(
            ["IX_People_CountyCode_Industry", "IX_People_CountyCode_Name", "IX_People_IdNumberHash", "IX_People_ImportBatchId",
             "IX_People_MobileHash", "IX_People_MobileTail", "IX_People_RegionCode"], indexes);

        const string byName = "p.\"Name\" COLLATE pinyin, p.\"Id\"";
        var plans = new Dictionary<string, string>
        {
            ["IX_People_CountyCode_Name"] = await PlanAsync(connection, Criteria(), Scope, byName),
            ["IX_People_CountyCode_Industry"] = await PlanAsync(connection, Criteria(industry: "茶叶"), Scope, byName),
            ["IX_People_IdNumberHash"] = await PlanAsync(connection, Criteria(idHash: new string('A', 64)), null, byName),
            ["IX_People_MobileTail"] = await PlanAsync(connection, Criteria(tail: "1234"), null, byName),
            ["IX_People_MobileHash"] = await PlanAsync(connection, Criteria(mobileHash: new string('B', 64)), null, byName),
            ["IX_People_RegionCode"] = await PlanAsync(connection, Criteria(sort: PeopleFilter.SortKey.Region), null, "p.\"RegionCode\", p.\"Id\""),
            // The flip and the discard of a batch.
            ["IX_People_ImportBatchId"] = await PlanAsync(connection, $"SELECT \"Id\" FROM \"People\" WHERE \"{ImportBatchFilter.Column}\" = @b", [("b", 7L)]),
        };
        foreach (var (index, plan) in plans) Assert.Contains($"INDEX {index} ", plan + " ");

        // The city-wide and county name orders (pinyin) and a fragment search: no binary index on Name could serve them.
        var cityByName = await PlanAsync(connection, Criteria(), null, byName);
        Assert.Contains("USE TEMP B-TREE FOR ORDER BY", cityByName);
        Assert.Contains("USE TEMP B-TREE FOR ORDER BY", plans["IX_People_CountyCode_Name"]);
    }

    [Fact]
    public async Task Name_grams_are_a_without_rowid_table_whose_key_the_name_search_seeks()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        var table = Assert.Single(await StringsAsync(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'PersonNameGrams'"));
        Assert.EndsWith("WITHOUT ROWID", table);
        var plan = await PlanAsync(connection, Criteria(gram: "秀兰", name: "秀兰"), null, "p.\"Name\" COLLATE pinyin, p.\"Id\"");
        Assert.Contains("SEARCH g USING PRIMARY KEY (Gram=?)", plan);
        Assert.Contains("SEARCH p USING INTEGER PRIMARY KEY (rowid=?)", plan);
    }

    [Fact]
    public async Task The_migration_keeps_every_gram_and_the_triggers_up_and_down()
    {
        var database = new TestDatabase();
        await using var _ = database;
        await using var db = database.NewContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Perf5);
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Regions" ("Code", "Name", "NameEn", "Level") VALUES ('330523108204', '余村', 'Yucun', 'Village');
            INSERT INTO "People" ("Name", "IdNumber", "IdNumberHash", "Sex", "BirthDate", "RegionCode", "CountyCode", "CreatedAt", "UpdatedAt", "Version")
            VALUES ('王秀兰', 'x', 'h1', 'Female', '1980-01-01', '330523108204', '330523000000', 0, 0, 1),
                   ('𠀀秀英一二三四五六七八九十', 'x', 'h2', 'Female', '1980-01-01', '330523108204', '330523000000', 0, 0, 1),
                   ('李', 'x', 'h3', 'Male', '1980-01-01', '330523108204', '330523000000', 0, 0, 1);
            """);
        const string all = "SELECT \"Gram\", \"PersonId\" FROM \"PersonNameGrams\" ORDER BY \"PersonId\", \"Gram\"";
        var before = await StringsAsync(connection, all);
        Assert.Equal(2 + 12, before.Count);

        await migrator.MigrateAsync();
        Assert.Equal(before, await StringsAsync(connection, all));
        Assert.EndsWith("WITHOUT ROWID", (await StringsAsync(connection, "SELECT sql FROM sqlite_master WHERE name = 'PersonNameGrams'"))[0]);
        Assert.Empty(await StringsAsync(connection, "SELECT name FROM sqlite_master WHERE name = 'IX_People_Name'"));
        Assert.Single(await StringsAsync(connection, "SELECT name FROM sqlite_master WHERE name = 'IX_PersonNameGrams_PersonId'"));

        // The triggers still keep the grams: insert (not of a pending import), rename, delete.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "People" ("Name", "IdNumber", "IdNumberHash", "Sex", "BirthDate", "RegionCode", "CountyCode", "CreatedAt", "UpdatedAt", "Version")
            VALUES ('赵钱孙', 'x', 'h4', 'Male', '1980-01-01', '330523108204', '330523000000', 0, 0, 1);
            INSERT INTO "People" ("Name", "IdNumber", "IdNumberHash", "Sex", "BirthDate", "RegionCode", "CountyCode", "CreatedAt", "UpdatedAt", "Version", "ImportBatchId")
            VALUES ('周吴郑', 'x', 'h5', 'Male', '1980-01-01', '330523108204', '330523000000', 0, 0, 1, 7);
            UPDATE "People" SET "Name" = '王秀' WHERE "IdNumberHash" = 'h1';
            DELETE FROM "People" WHERE "IdNumberHash" = 'h2';
            """);
        Assert.Equal(["王秀", "赵钱", "钱孙"], (await StringsAsync(connection, "SELECT \"Gram\" FROM \"PersonNameGrams\"")).Order(StringComparer.Ordinal).ToList());

        await migrator.MigrateAsync(Perf5);
        Assert.Equal(["王秀", "赵钱", "钱孙"], (await StringsAsync(connection, "SELECT \"Gram\" FROM \"PersonNameGrams\"")).Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain("WITHOUT ROWID", (await StringsAsync(connection, "SELECT sql FROM sqlite_master WHERE name = 'PersonNameGrams'"))[0]);
        Assert.Single(await StringsAsync(connection, "SELECT name FROM sqlite_master WHERE name = 'IX_People_Name'"));
        Assert.Equal(3, (await StringsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'People_NameGrams_%'")).Count);
    }
}
