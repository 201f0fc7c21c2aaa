using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TalentHub.Web.Data;

/// <summary>
/// Opens a context's connection for one unit of raw ADO.NET work and closes it again afterwards if (and only if) this
/// opened it. A connection opened with <c>OpenConnectionAsync</c> and never closed stays checked out of the pool
/// until the context is disposed, i.e. for the rest of the request (issue 12 leftover: the PostgreSQL per-address
/// limit held one of the pool's connections through every login and sign-up post). A connection that was already
/// open (e.g. SQLite's per-request connection, <see cref="Infrastructure.RequestConnection"/>) is left open.
/// </summary>
public static class ConnectionScope
{
    /// <summary>Use as <c>await using var open = await db.Database.OpenScopeAsync(ct);</c>.</summary>
    public static async Task<IAsyncDisposable> OpenScopeAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        if (database.GetDbConnection().State == ConnectionState.Open) return AlreadyOpen.Instance;
        await database.OpenConnectionAsync(ct);
        return new Closer(database);
    }

    private sealed class Closer(DatabaseFacade database) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(database.CloseConnectionAsync());
    }

    private sealed class AlreadyOpen : IAsyncDisposable
    {
        public static readonly AlreadyOpen Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
