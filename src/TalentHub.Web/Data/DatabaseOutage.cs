using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TalentHub.Web.Data;

/// <summary>
/// Tells "the database cannot be reached for a moment" from other failures, on either provider, so a request that meets
/// it is answered 503 with <c>Retry-After</c> (<see cref="Infrastructure.DatabaseOutageAnswer"/>) instead of the 500 page:
/// PostgreSQL restarted or failed over (57P01 admin shutdown, 57P03 starting up, 08xxx connection errors, a reset or
/// refused socket, the pool exhausted or timed out: Npgsql's <see cref="NpgsqlException.IsTransient"/>, which also
/// counts a deadlock or serialization failure, worth the same "try again"), SQLite busy or locked past its timeout.
/// The exception may be wrapped (EF's "likely due to a transient failure" <see cref="InvalidOperationException"/>, a
/// <c>DbUpdateException</c>, a Quartz or other wrapper): the whole inner chain is searched.
/// </summary>
public static class DatabaseOutage
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>True when <paramref name="ex"/> or any exception inside it says the database is briefly unreachable or busy.</summary>
    public static bool Is(Exception? ex)
    {
        for (var depth = 0; ex is not null && depth < 10; depth++, ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.IsTransient:
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
