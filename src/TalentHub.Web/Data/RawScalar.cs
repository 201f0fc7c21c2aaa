using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TalentHub.Web.Data;

/// <summary>
/// One value read by a fixed SQL text on the context's own connection (opened and closed through EF, so the request's
/// open SQLite connection, its pragmas and any current transaction are used), without EF's query pipeline. For the few
/// tiny reads every signed-in request makes (session stamp, unread count): issue 12 (perf5a), dotnet-trace of
/// <c>/People?q=…</c> put EF's per-query work (expression building, funcletizer, cache lookup, command set-up) for
/// these two primary-key/index reads at ~8 % of the request's CPU, the SQL itself at a few microseconds. The SQL must
/// run unchanged on SQLite and PostgreSQL (double-quoted identifiers, <c>@name</c> parameters) and the tables it reads
/// must carry no EF query filter (it bypasses them). On SQLite the statement is kept prepared per physical connection
/// (<see cref="SqliteStatements"/>, perf6b): the prepare was most of what remained of these reads.
/// </summary>
public static class RawScalar
{
    /// <summary>The first column of the first row, or null (no row, or SQL NULL).</summary>
    public static async Task<object?> ReadAsync(DbContext db, string sql, string parameter, object value, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.GetDbConnection() is SqliteConnection sqlite)
                return SqliteStatements.Scalar(sqlite, sql, parameter, value);
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var p = command.CreateParameter();
            p.ParameterName = parameter;
            p.Value = value;
            command.Parameters.Add(p);
            var result = await command.ExecuteScalarAsync(ct);
            return result is DBNull ? null : result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
