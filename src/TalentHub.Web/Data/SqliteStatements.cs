using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TalentHub.Web.Data;

/// <summary>
/// Prepared SQLite statements kept per physical connection (remembered by its native handle, like
/// <see cref="SqlitePragmas"/>), so a hot fixed SQL text is compiled once per pooled connection instead of on every
/// execution. Issue 12 (<c>perf6b</c>): dotnet-trace of a warm <c>/People?q=王秀</c> put <c>sqlite3_prepare_v2</c> at
/// ~15 % of the request's CPU — Microsoft.Data.Sqlite finalizes a command's statements when the logical connection
/// closes, and EF creates a new command per query, so every request prepared every statement again.
/// <para>
/// Use only for reads on an open connection whose SQL text is fixed (parameters bound by name). A statement is reset
/// (its read snapshot released) and its bindings cleared after every use, also on failure. A physical connection is
/// lent to one logical connection at a time, so its statements are never used concurrently. When the pool finally
/// closes a physical connection, SQLite defers the close (<c>sqlite3_close_v2</c>) until its statements are finalized,
/// which their handles do when collected. At most <see cref="MaxPerConnection"/> texts are kept per connection;
/// beyond that a statement is prepared and finalized per use, as before.
/// </para>
/// </summary>
public static class SqliteStatements
{
    /// <summary>Statement texts kept per physical connection.</summary>
    public const int MaxPerConnection = 64;

    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, sqlite3_stmt>> Cache = new();

    /// <summary>
    /// Runs <paramref name="sql"/> on <paramref name="connection"/> (open) with the named <paramref name="parameters"/>
    /// (<c>@name</c> in the text; values null, string, integral or bool) and calls <paramref name="row"/> for each row.
    /// </summary>
    public static void Read(SqliteConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters, Action<sqlite3_stmt> row)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var statements = Cache.GetValue(db, _ => new Dictionary<string, sqlite3_stmt>(StringComparer.Ordinal));
        var kept = statements.TryGetValue(sql, out var cached);
        sqlite3_stmt stmt;
        if (kept) stmt = cached!;
        else
        {
            Check(raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out stmt, out var tail), db);
            if (!string.IsNullOrWhiteSpace(tail))
            {
                stmt.Dispose();
                throw new ArgumentException("One statement only.", nameof(sql));
            }
            if (statements.Count < MaxPerConnection)
            {
                statements[sql] = stmt;
                kept = true;
            }
        }
        try
        {
            foreach (var (name, value) in parameters) Bind(db, stmt, name, value);
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW) row(stmt);
            if (rc != raw.SQLITE_DONE) Check(rc, db);
        }
        finally
        {
            raw.sqlite3_reset(stmt);
            raw.sqlite3_clear_bindings(stmt);
            if (!kept) stmt.Dispose();
        }
    }

    /// <summary>The first column of the first row as Microsoft.Data.Sqlite's <c>ExecuteScalar</c> gives it (long, double, string, byte[]), or null.</summary>
    public static object? Scalar(SqliteConnection connection, string sql, string parameter, object? value) =>
        Scalar(connection, sql, [(parameter, value)]);

    /// <summary>The first column of the first row with several named parameters; see <see cref="Scalar"/>.</summary>
    public static object? Scalar(SqliteConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        object? result = null;
        var first = true;
        Read(connection, sql, parameters, stmt =>
        {
            if (!first) return;
            first = false;
            result = Value(stmt, 0);
        });
        return result;
    }

    /// <summary>A column's value by its storage class: long, double, string, byte[] or null.</summary>
    public static object? Value(sqlite3_stmt stmt, int column) => raw.sqlite3_column_type(stmt, column) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(stmt, column),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(stmt, column),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(stmt, column).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(stmt, column).ToArray(),
        _ => null,
    };

    /// <summary>A text column, or null for SQL NULL.</summary>
    public static string? Text(sqlite3_stmt stmt, int column) =>
        raw.sqlite3_column_type(stmt, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(stmt, column).utf8_to_string();

    /// <summary>How many statement texts the physical connection behind <paramref name="connection"/> (open) keeps; for tests.</summary>
    public static int KeptCount(SqliteConnection connection) =>
        connection.Handle is { } db && Cache.TryGetValue(db, out var statements) ? statements.Count : 0;

    private static void Bind(sqlite3 db, sqlite3_stmt stmt, string name, object? value)
    {
        var index = raw.sqlite3_bind_parameter_index(stmt, "@" + name);
        if (index == 0) throw new ArgumentException($"No parameter @{name} in the statement.", nameof(name));
        BindAt(db, stmt, index, value);
    }

    /// <summary>
    /// Binds <paramref name="value"/> to the 1-based parameter <paramref name="index"/> as Microsoft.Data.Sqlite stores
    /// it: null, text, 64-bit integers (int, short, byte, bool as 0/1), real, DateOnly as "yyyy-MM-dd" text.
    /// </summary>
    /// <exception cref="NotSupportedException">Any other type (decimal, DateTime, Guid, blobs …).</exception>
    /// <exception cref="SqliteException">SQLite refused the binding.</exception>
    internal static void BindAt(sqlite3 db, sqlite3_stmt stmt, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(stmt, index),
            string text => raw.sqlite3_bind_text(stmt, index, text),
            long number => raw.sqlite3_bind_int64(stmt, index, number),
            int number => raw.sqlite3_bind_int64(stmt, index, number),
            short number => raw.sqlite3_bind_int64(stmt, index, number),
            byte number => raw.sqlite3_bind_int64(stmt, index, number),
            bool flag => raw.sqlite3_bind_int64(stmt, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(stmt, index, real),
            DateOnly date => raw.sqlite3_bind_text(stmt, index, date.ToString(@"yyyy\-MM\-dd", System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"{value.GetType().Name} is not bound directly on SQLite."),
        };
        Check(rc, db);
    }

    /// <summary>Throws the <see cref="SqliteException"/> for <paramref name="rc"/> unless it is SQLITE_OK.</summary>
    internal static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
