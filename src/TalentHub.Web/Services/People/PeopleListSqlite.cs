using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.People;

/// <summary>One person of the registry list as read from the database (identifiers decrypted, not yet masked).</summary>
public sealed record PeopleListItem(int Id, string Name, Sex Sex, DateOnly BirthDate, string IdNumber, string? Mobile,
    string? Industry, string RegionCode, string CountyCode, IReadOnlyList<(TalentCategory Value, LocalTalentType? Subtype)> Categories);

/// <summary>
/// The registry list's page on SQLite, read with fixed SQL on statements kept prepared per physical connection
/// (<see cref="SqliteStatements"/>) instead of EF's query pipeline: issue 12 (<c>perf6b</c>), dotnet-trace of a warm
/// <c>/People?q=王秀</c> put the list query's prepare at ~15 % and EF's per-query work and shaping at ~20 % of the
/// request's CPU. It selects exactly what <see cref="PeopleFilter.Apply"/> + <c>Paged.ReadInOneQueryAsync</c> select:
/// the same <see cref="PeopleFilter.Criteria"/>, the same two query filters written out (region scope
/// <c>CountyCode = ScopedCountyCode</c> when scoped, <see cref="RegionFilter"/>; pending imports hidden,
/// <see cref="ImportBatchFilter"/>, on people and their categories), the same order (pinyin collation, then id), the
/// total in every row and the count-then-clamp fallback for an empty page. PostgreSQL keeps the EF path.
/// </summary>
public static class PeopleListSqlite
{
    private const string Columns = "p.\"Id\", p.\"Name\", p.\"Sex\", p.\"BirthDate\", p.\"IdNumber\", p.\"Mobile\", p.\"Industry\", p.\"RegionCode\", p.\"CountyCode\"";

    private const string CategoriesSql = "SELECT c.\"PersonId\", c.\"Category\", c.\"LocalTalentType\" FROM \"PersonCategory\" AS c " +
        "WHERE c.\"ImportBatchId\" IS NULL AND c.\"PersonId\" IN (SELECT value FROM json_each(@ids)) ORDER BY c.\"PersonId\", c.\"Id\"";

    /// <summary>
    /// Page <paramref name="requested"/> (clamped into [1, last page]) of <paramref name="size"/> people matching
    /// <paramref name="criteria"/> in <paramref name="db"/>'s region scope, with the total; null when
    /// <paramref name="db"/> is not on SQLite.
    /// </summary>
    public static async Task<Paged<PeopleListItem>?> ReadAsync(TalentHubDbContext db, PeopleFilter.Criteria criteria, int requested, int size,
        PersonalDataProtector protector, CancellationToken ct = default)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection) return null;
        await using var open = await db.Database.OpenScopeAsync(ct);
        var (where, parameters) = Where(criteria, db.ScopedCountyCode);
        var number = Math.Max(1, requested);
        if (number <= int.MaxValue / size)
        {
            var (rows, total) = ReadPage(connection, where, parameters, Order(criteria), number, size, protector.Decrypt);
            if (rows.Count > 0) return new Paged<PeopleListItem>(rows, number, size, total);
            if (number == 1) return new Paged<PeopleListItem>([], 1, size, 0);
        }
        var count = Convert.ToInt32(SqliteStatements.Scalar(connection, $"SELECT COUNT(*) FROM \"People\" AS p WHERE {where}", parameters), CultureInfo.InvariantCulture);
        number = Paged.Clamp(requested, count, size);
        var (page, _) = ReadPage(connection, where, parameters, Order(criteria), number, size, protector.Decrypt);
        return new Paged<PeopleListItem>(page, number, size, count);
    }

    /// <summary>
    /// Page <paramref name="number"/> (1-based, not clamped) of <paramref name="size"/> people on an open
    /// <paramref name="connection"/> (pinyin collation registered) and the total of <paramref name="where"/>;
    /// <paramref name="reveal"/> turns a stored ID number or mobile into the shown one (the protector's decryption).
    /// Internal for the benchmarks' <c>bound.people-search</c>, which runs the same statements with no app around them.
    /// </summary>
    internal static (List<PeopleListItem> Rows, int Total) ReadPage(SqliteConnection connection, string where,
        List<(string, object?)> parameters, string order, int number, int size, Func<string, string> reveal)
    {
        var sql = $"SELECT {Columns}, (SELECT COUNT(*) FROM \"People\" AS p WHERE {where}) FROM \"People\" AS p WHERE {where} ORDER BY {order} LIMIT @take OFFSET @skip";
        var rows = new List<(int Id, string Name, Sex Sex, DateOnly Birth, string Id2, string? Mobile, string? Industry, string Region, string County)>();
        var total = 0;
        List<(string, object?)> all = [.. parameters, ("take", size), ("skip", (long)(number - 1) * size)];
        SqliteStatements.Read(connection, sql, all, s =>
        {
            rows.Add((raw.sqlite3_column_int(s, 0), SqliteStatements.Text(s, 1)!, Enum.Parse<Sex>(SqliteStatements.Text(s, 2)!, true),
                DateOnly.Parse(SqliteStatements.Text(s, 3)!, CultureInfo.InvariantCulture), SqliteStatements.Text(s, 4)!,
                SqliteStatements.Text(s, 5), SqliteStatements.Text(s, 6), SqliteStatements.Text(s, 7)!, SqliteStatements.Text(s, 8)!));
            total = raw.sqlite3_column_int(s, 9);
        });
        var categories = new Dictionary<int, List<(TalentCategory, LocalTalentType?)>>();
        if (rows.Count > 0)
        {
            var ids = "[" + string.Join(',', rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture))) + "]";
            SqliteStatements.Read(connection, CategoriesSql, [("ids", ids)], s =>
            {
                var id = raw.sqlite3_column_int(s, 0);
                if (!categories.TryGetValue(id, out var list)) categories[id] = list = [];
                var subtype = SqliteStatements.Text(s, 2);
                list.Add((Enum.Parse<TalentCategory>(SqliteStatements.Text(s, 1)!, true), subtype is null ? null : Enum.Parse<LocalTalentType>(subtype, true)));
            });
        }
        var items = rows.Select(r => new PeopleListItem(r.Id, r.Name, r.Sex, r.Birth, reveal(r.Id2),
            r.Mobile is null ? null : reveal(r.Mobile), r.Industry, r.Region, r.County,
            categories.TryGetValue(r.Id, out var c) ? c : [])).ToList();
        return (items, total);
    }

    /// <summary>The WHERE clause over alias <c>p</c> and its parameters; the SQL text depends only on which conditions are set.</summary>
    internal static (string Sql, List<(string, object?)> Parameters) Where(PeopleFilter.Criteria c, string? scopedCounty)
    {
        var sql = new StringBuilder("p.\"ImportBatchId\" IS NULL");
        List<(string, object?)> parameters = [];
        // The scope as its own condition, not "@scope IS NULL OR …": a kept statement is planned once, and the OR form
        // would keep SQLite off the county indexes for every county officer.
        if (scopedCounty is not null) Add("p.\"CountyCode\" = @scope", "scope", scopedCounty);
        void Add(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add((name, value));
        }
        if (c.County is { } county) Add("p.\"CountyCode\" = @county", "county", county);
        if (c.TownshipPrefix is { } prefix) Add("substr(p.\"RegionCode\", 1, length(@township)) = @township", "township", prefix);
        if (c.Category is { } category)
            Add("EXISTS (SELECT 1 FROM \"PersonCategory\" AS x WHERE x.\"PersonId\" = p.\"Id\" AND x.\"ImportBatchId\" IS NULL AND x.\"Category\" = @category)", "category", category.ToString());
        if (c.Industry is { } industry) Add("p.\"Industry\" = @industry", "industry", industry);
        if (c.Education is { } education) Add("p.\"Education\" = @education", "education", education.ToString());
        if (c.IdNumberHash is { } idHash) Add("p.\"IdNumberHash\" = @idhash", "idhash", idHash);
        else if (c.MobileTail is { } tail) Add("p.\"MobileTail\" = @tail", "tail", tail);
        else if (c.MobileHash is { } mobileHash) Add("p.\"MobileHash\" = @mobilehash", "mobilehash", mobileHash);
        else if (c.Name is { } name)
        {
            if (c.Gram is { } gram) Add("p.\"Id\" IN (SELECT g.\"PersonId\" FROM \"PersonNameGrams\" AS g WHERE g.\"Gram\" = @gram)", "gram", gram);
            Add("instr(p.\"Name\", @name) > 0", "name", name);
        }
        return (sql.ToString(), parameters);
    }

    /// <summary>The ORDER BY over alias <c>p</c>: the chosen column (names by pinyin), then id.</summary>
    internal static string Order(PeopleFilter.Criteria c)
    {
        var column = c.Sort switch
        {
            PeopleFilter.SortKey.Birth => "p.\"BirthDate\"",
            PeopleFilter.SortKey.Created => "p.\"CreatedAt\"",
            PeopleFilter.SortKey.Region => "p.\"RegionCode\"",
            _ => $"p.\"Name\" COLLATE {Pinyin.Collation}",
        };
        return $"{column}{(c.Desc ? " DESC" : "")}, p.\"Id\"";
    }
}
