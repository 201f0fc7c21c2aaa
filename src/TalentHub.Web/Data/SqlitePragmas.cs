using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace TalentHub.Web.Data;

/// <summary>
/// Every SQLite connection waits up to <see cref="BusyTimeoutMilliseconds"/> for a busy writer instead of failing at
/// once (<c>busy_timeout</c>: SQLite's own back-off, 1–100 ms steps), and commits with <c>synchronous = NORMAL</c> (safe
/// in WAL mode; a power cut may lose the last commits, never corrupt the file). Both are per-connection settings that
/// the physical connection keeps while the pool lends it out again, so they are set once per physical connection
/// (remembered by its native handle), not on every logical open: issue 12 (<c>perf5c</c>) — a signed-in request opens the
/// pooled connection once or more, and each open ran these two statements again.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for another connection's write lock before SQLITE_BUSY, in milliseconds.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    /// <summary>Native handles already configured; an entry goes with its handle when the pool closes the connection.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();
    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Local and a few microseconds, once per physical connection: Microsoft.Data.Sqlite's async methods run
        // synchronously anyway.
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Sets the pragmas on <paramref name="connection"/> (open) unless its physical connection already has them.</summary>
    public static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _)) return;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        if (handle is not null) Configured.AddOrUpdate(handle, Marker);
    }
}
