using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using TalentHub.Benchmarks.Data;

namespace TalentHub.Benchmarks.Baseline;

/// <summary>
/// <c>bound.import-rows</c>: the least any people import can cost with the app's schema. Copies of the registry's own
/// tables (<c>People</c>, <c>PersonNameGrams</c>, <c>PersonCategory</c>, <c>AuditEntries</c>: the app's DDL, every index,
/// renamed <c>Bound…</c>, no triggers) receive, through one prepared INSERT per table in one transaction like
/// <c>baseline.raw-insert</c>, exactly the rows an import leaves per person: the person as stored (already encrypted and
/// hashed, read from the generated data beforehand), its name bigrams, its categories and one audit row per record.
/// Left out, and so not in this figure: reading and validating the workbook, duplicate checks, encryption and keyed
/// hashes, the staging batch and its flip, the import's own bookkeeping.
/// </summary>
public static class ImportRowsBound
{
    private static readonly string[] Tables = ["People", "PersonNameGrams", "PersonCategory", "AuditEntries"];

    /// <summary>People per second for <paramref name="count"/> people (fewer when the database has fewer), and how many.</summary>
    public static (double Rate, int People, long Rows) Measure(string connectionString, int count)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // As the app's connections: EF Core turns foreign keys on, and names sort with the pinyin collation.
        Generator.Exec(connection, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
        TalentHub.Web.Data.Pinyin.Register(connection);
        Drop(connection);
        foreach (var ddl in Ddl(connection)) Generator.Exec(connection, ddl);
        var people = Rows(connection, $"SELECT * FROM \"People\" WHERE \"ImportBatchId\" IS NULL ORDER BY \"Id\" LIMIT {count}");
        var lastId = people.Max(p => Convert.ToInt64(p[0]));
        var grams = Rows(connection, $"SELECT * FROM \"PersonNameGrams\" WHERE \"PersonId\" <= {lastId}");
        var categories = Rows(connection, $"SELECT * FROM \"PersonCategory\" WHERE \"PersonId\" <= {lastId} AND \"ImportBatchId\" IS NULL");
        var audits = AuditRows(connection, people.Count + categories.Count);
        var sw = Stopwatch.StartNew();
        long rows = 0;
        using (var tx = connection.BeginTransaction())
        {
            foreach (var (table, values) in new[] { ("People", people), ("PersonNameGrams", grams), ("PersonCategory", categories), ("AuditEntries", audits) })
            {
                using var insert = new BulkInsert(connection, tx, "Bound" + table, Columns(connection, table));
                foreach (var row in values) insert.Add(row);
                rows += insert.Count;
            }
            tx.Commit();
        }
        var rate = people.Count / sw.Elapsed.TotalSeconds;
        Drop(connection);
        return (rate, people.Count, rows);
    }

    /// <summary>
    /// The app's CREATE TABLE and CREATE INDEX statements of the four tables, renamed to Bound… (references among them
    /// too). Not its triggers: the name-bigram trigger would write the grams a second way; they are inserted as rows,
    /// the cheaper of the two (an import writes them so too).
    /// </summary>
    private static List<string> Ddl(SqliteConnection connection)
    {
        var list = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sql FROM sqlite_master WHERE tbl_name IN ({string.Join(',', Tables.Select(t => $"'{t}'"))}) AND sql IS NOT NULL " +
            "AND type IN ('table', 'index') ORDER BY type DESC";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var sql = reader.GetString(0);
            foreach (var table in Tables) sql = sql.Replace($"\"{table}\"", $"\"Bound{table}\"", StringComparison.Ordinal);
            list.Add(Regex.Replace(sql, "^CREATE (UNIQUE )?INDEX \"", m => m.Value + "Bound_"));
        }
        return list;
    }

    private static string[] Columns(SqliteConnection connection, string table)
    {
        var columns = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        using var reader = command.ExecuteReader();
        while (reader.Read()) columns.Add(reader.GetString(0));
        return [.. columns];
    }

    private static List<object?[]> Rows(SqliteConnection connection, string sql)
    {
        var rows = new List<object?[]>();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add(values);
        }
        return rows;
    }

    /// <summary>
    /// <paramref name="count"/> audit rows shaped like the app's own record of a person created (the demo seed's, the
    /// longest one), each with its own key.
    /// </summary>
    private static List<object?[]> AuditRows(SqliteConnection connection, int count)
    {
        var template = Rows(connection, "SELECT * FROM \"AuditEntries\" WHERE \"EntityType\" = 'Person' ORDER BY length(\"Changes\") DESC LIMIT 1").Single();
        var id = Array.IndexOf(Columns(connection, "AuditEntries"), "Id");
        return Enumerable.Range(1, count).Select(i =>
        {
            var row = (object?[])template.Clone();
            row[id] = (long)i;
            return row;
        }).ToList();
    }

    private static void Drop(SqliteConnection connection)
    {
        foreach (var table in Tables.Reverse()) Generator.Exec(connection, $"DROP TABLE IF EXISTS \"Bound{table}\";");
    }
}
