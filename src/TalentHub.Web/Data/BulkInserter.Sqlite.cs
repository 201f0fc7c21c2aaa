using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Data;

public sealed partial class BulkInserter
{
    /// <summary>At most this many rows per multi-row INSERT on SQLite.</summary>
    private const int SqliteRowsPerStatement = 64;

    /// <summary>At most this many parameters per multi-row INSERT on SQLite (SQLite's historic default limit).</summary>
    private const int SqliteMaxParameters = 999;

    /// <summary>
    /// SQLite: many rows to one prepared statement, bound by position through SQLitePCL directly (issue 12, perf6a).
    /// Microsoft.Data.Sqlite binds each parameter by looking its name up in the statement's list (n² for a statement of n
    /// parameters), which is why the insert used to go one row at a time; bound by position, 47 people or 100 audit rows
    /// a statement cost one statement's overhead (and one AUTOINCREMENT bookkeeping) instead of 47 or 100 (sqlite3 on the
    /// city database, 20,000 people: 1.32 s one row a statement, 1.02 s 50 rows; 40,000 audit rows 0.27 s / 0.18 s).
    /// Values are the same provider values the command path binds (<see cref="SqliteRows.Supports"/> lists the types
    /// written here exactly as Microsoft.Data.Sqlite writes them). Generated keys come back through RETURNING and are
    /// matched to their rows by <paramref name="matchBy"/> (a unique index of required columns).
    /// </summary>
    /// <param name="onConflict">"" or the <c>ON CONFLICT (…) DO NOTHING</c> clause that skips rows whose key is taken.</param>
    /// <param name="generated">The generated key to read back, or null when nobody needs it.</param>
    /// <param name="kept">With <paramref name="onConflict"/>: receives the rows written (those RETURNING gave back).</param>
    /// <returns>Stopwatch ticks spent on values, on SQLite, and on the audit rows' text.</returns>
    private (long Values, long Execute, long Audit) InsertSqlite(SqliteConnection connection, string head, string onConflict, ISqlGenerationHelper sql,
        StoreObjectIdentifier table, IEntityType type, List<IProperty> columns, IProperty? batchColumn, IProperty? generated,
        IReadOnlyList<IProperty>? matchBy, List<Row> rows, List<AuditEntry>? audits, HashSet<Row>? kept, long? batchId, DateTimeOffset now,
        CancellationToken ct)
    {
        var perStatement = Math.Max(1, Math.Min(SqliteRowsPerStatement, SqliteMaxParameters / columns.Count));
        var one = "(" + string.Join(", ", columns.Select(_ => "?")) + ")";
        var returning = generated is null ? "" : " RETURNING "
            + string.Join(", ", new[] { generated }.Concat(matchBy!).Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)));
        string Text(int count) => head + string.Join(", ", Enumerable.Repeat(one, count)) + onConflict + returning;
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        SqliteRows? full = null, tail = null;
        long valuesTicks = 0, executeTicks = 0, auditTicks = 0;
        var byMatch = new Dictionary<string, Row>(perStatement);
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                ct.ThrowIfCancellationRequested();
                var count = Math.Min(perStatement, rows.Count - start);
                var statement = count == perStatement ? full ??= new SqliteRows(handle, Text(count)) : tail ??= new SqliteRows(handle, Text(count));
                var t0 = Stopwatch.GetTimestamp();
                byMatch.Clear();
                for (var r = 0; r < count; r++)
                {
                    var row = rows[start + r];
                    Stamp(row.Entity, now);
                    for (var i = 0; i < columns.Count; i++)
                        statement.Bind(r * columns.Count + i + 1, columns[i] == batchColumn ? batchId : ToProvider(columns[i], ValueOf(columns[i], row)));
                    if (generated is not null && !byMatch.TryAdd(RowMatchKey(matchBy!, row), row))
                        throw new InvalidOperationException($"Two {type.DisplayName()} rows of one insert share a unique key.");
                }
                var t1 = Stopwatch.GetTimestamp();
                var set = 0;
                statement.Execute(generated is null ? null : s =>
                {
                    var match = matchBy!.Count == 1 ? s.Text(1) : MatchKey(Enumerable.Range(1, matchBy.Count).Select(s.Text));
                    SetValue(generated, byMatch[match].Entity, Convert.ChangeType(s.Int64(0), generated.ClrType, CultureInfo.InvariantCulture));
                    kept?.Add(byMatch[match]);
                    set++;
                });
                if (generated is not null && kept is null && set != count) throw new InvalidOperationException($"INSERT returned {set} keys for {count} rows.");
                var t2 = Stopwatch.GetTimestamp();
                if (audits is not null)
                    for (var r = 0; r < count; r++)
                        if (rows[start + r].Entity is IAudited && (kept is null || kept.Contains(rows[start + r]))) audits.Add(AuditOf(type, rows[start + r], now));
                valuesTicks += t1 - t0;
                executeTicks += t2 - t1;
                auditTicks += Stopwatch.GetTimestamp() - t2;
            }
        }
        finally
        {
            full?.Dispose();
            tail?.Dispose();
        }
        return (valuesTicks, executeTicks, auditTicks);
    }
}

/// <summary>
/// One prepared SQLite statement driven through SQLitePCL directly: parameters bound by position, rows stepped, reset for
/// the next use. Only for the bulk insert of <see cref="BulkInserter"/>, on the connection of the caller's transaction.
/// </summary>
internal sealed class SqliteRows : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    /// <summary>The value each parameter (1-based) holds in SQLite, valid where <see cref="held"/> is set.</summary>
    private readonly object?[] bound;
    private readonly bool[] held;

    public SqliteRows(sqlite3 db, string sql)
    {
        this.db = db;
        var rc = raw.sqlite3_prepare_v2(db, sql, out statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteStatements.Check(rc, db);
        }
        var count = raw.sqlite3_bind_parameter_count(statement) + 1;
        bound = new object?[count];
        held = new bool[count];
    }

    /// <summary>Calls into SQLite's bind functions so far (the values <see cref="Bind"/> did not skip).</summary>
    public int NativeBinds { get; private set; }

    /// <summary>
    /// Provider types bound here exactly as Microsoft.Data.Sqlite binds them (text, 64-bit integer, 0/1, real, DateOnly
    /// as "yyyy-MM-dd" text). Anything else (decimal, DateTime, Guid, blobs …) keeps the command path.
    /// </summary>
    public static bool Supports(IEnumerable<IProperty> columns) => columns.All(c =>
    {
        var type = c.GetTypeMapping().Converter?.ProviderClrType ?? c.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
            || type == typeof(bool) || type == typeof(double) || type == typeof(DateOnly);
    });

    /// <summary>
    /// Binds <paramref name="value"/> (a provider value, or null) to the 1-based parameter <paramref name="index"/>,
    /// unless that parameter already holds an equal value of the same type: <c>sqlite3_reset</c> keeps bindings, so a
    /// column whose value repeats from one execution to the next (a batch id, stamps, the audit rows' user, action and
    /// type, columns left null) is bound once per statement instead of once per row (issue 12, imp9a: the bind calls —
    /// SQLite copying each text — were ~10 % of a confirm's request thread in dotnet-trace). Equal means the same
    /// binding: same type and <see cref="object.Equals(object?)"/> (ordinal for text).
    /// </summary>
    public void Bind(int index, object? value)
    {
        if (value is DBNull) value = null;
        if (held[index] && (value is null ? bound[index] is null : bound[index] is { } old && old.GetType() == value.GetType() && old.Equals(value))) return;
        held[index] = false;
        SqliteStatements.BindAt(db, statement, index, value);
        NativeBinds++;
        bound[index] = value;
        held[index] = true;
    }

    /// <summary>Runs the statement once; <paramref name="row"/> sees each row it gives back (RETURNING).</summary>
    public void Execute(Action<SqliteRows>? row)
    {
        try
        {
            while (true)
            {
                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_ROW) row?.Invoke(this);
                else if (rc == raw.SQLITE_DONE) return;
                else SqliteStatements.Check(rc, db);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Column <paramref name="column"/> (0-based) of the current row as a 64-bit integer.</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    /// <summary>Column <paramref name="column"/> (0-based) of the current row as text (an integer as its decimal digits).</summary>
    public string Text(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    public void Dispose() => statement.Dispose();
}
