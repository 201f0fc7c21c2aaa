using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The upload store of several nodes (PostgreSQL, issue 15): pending uploads are rows of <see cref="PendingUpload"/>,
/// encrypted with the shared key ring, so a confirm may reach any node. Each call uses its own context, so storing
/// an upload never saves the page's pending changes. A confirm claims its row by rewriting <c>Kind</c> (one conditional
/// UPDATE: one winner across nodes) to <c>claimed:{kind}</c>, then <c>confirmed:{kind}</c> with the content dropped.
/// The winner also holds a session-level advisory lock on a connection of its own until it ends or gives back the claim:
/// PostgreSQL drops the lock with the session when the node dies, so any node can tell a confirm still running
/// (<see cref="UploadState.Confirming"/>) from one whose node was killed (<see cref="UploadState.Interrupted"/>).
/// </summary>
public sealed class DatabaseUploadStore(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, ILogger<DatabaseUploadStore> log) : IUploadStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("TalentHub.Import.Upload");

    /// <inheritdoc/>
    public string Save(byte[] bytes, string fileName, string userId, string kind)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var now = clock.GetUtcNow();
        var expired = now - IUploadStore.Lifetime;
        db.PendingUploads.Where(u => u.UploadedAt < expired).ExecuteDelete();
        var token = Guid.NewGuid().ToString("N");
        db.PendingUploads.Add(new PendingUpload
        {
            Token = token, UserId = userId, Kind = kind, FileName = fileName, UploadedAt = now, Content = _protector.Protect(bytes),
        });
        db.SaveChanges();
        return token;
    }

    /// <inheritdoc/>
    public StoredUpload? Load(string? token, string userId, string kind)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return null;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var upload = db.PendingUploads.AsNoTracking().FirstOrDefault(u => u.Token == token && u.UserId == userId && u.Kind == kind);
        if (upload is null || clock.GetUtcNow() - upload.UploadedAt > IUploadStore.Lifetime) return null;
        try
        {
            return new StoredUpload(_protector.Unprotect(upload.Content), upload.FileName);
        }
        catch (CryptographicException ex)
        {
            log.LogWarning(ex, "A stored upload could not be decrypted");
            return null;
        }
    }

    /// <inheritdoc/>
    public void Delete(string? token)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return;
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().PendingUploads.Where(u => u.Token == token).ExecuteDelete();
    }

    /// <summary>The advisory-lock class of upload claims (the first key of <c>pg_advisory_lock(int, int)</c>).</summary>
    private const int ClaimLockClass = 0x5448_5550;

    /// <summary>The connections holding the claims of the confirms running on this node, by token.</summary>
    private static readonly ConcurrentDictionary<string, NpgsqlConnection> Held = new();

    /// <inheritdoc/>
    public bool TryClaim(string? token, string userId, string kind)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return false;
        // Locked before the claim is taken, so no other node ever sees the claim without its lock.
        var connection = Lock(token!);
        if (connection is null) return false;
        if (Move(token, userId, kind, Claimed(kind)) == 1)
        {
            Held[token!] = connection;
            return true;
        }
        Free(connection, token!);
        return false;
    }

    /// <inheritdoc/>
    public void Release(string? token, string userId, string kind)
    {
        try { Move(token, userId, Claimed(kind), kind); }
        finally { Unlock(token); }
    }

    /// <inheritdoc/>
    public void MarkConfirmed(string? token, string userId, string kind)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return;
        using var scope = scopes.CreateScope();
        var confirmed = Confirmed(kind);
        var claimed = Claimed(kind);
        scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().PendingUploads
            .Where(u => u.Token == token && u.UserId == userId && u.Kind == claimed)
            .ExecuteUpdate(s => s.SetProperty(u => u.Kind, confirmed).SetProperty(u => u.Content, Array.Empty<byte>()));
        Unlock(token);
    }

    /// <inheritdoc/>
    public UploadState StateOf(string? token, string userId, string kind)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return UploadState.Missing;
        using var scope = scopes.CreateScope();
        var since = clock.GetUtcNow() - IUploadStore.Lifetime;
        var stored = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().PendingUploads
            .Where(u => u.Token == token && u.UserId == userId && u.UploadedAt >= since).Select(u => u.Kind).FirstOrDefault();
        if (stored == kind) return UploadState.Open;
        if (stored == Confirmed(kind)) return UploadState.Confirmed;
        if (stored != Claimed(kind)) return UploadState.Missing;
        // The claim's lock is free only when no session holds it: the node that claimed it is gone.
        if (Lock(token!) is not { } probe) return UploadState.Confirming;
        Free(probe, token!);
        return UploadState.Interrupted;
    }

    /// <summary>The <c>application_name</c> of the sessions holding claim locks (so an operator can see them in <c>pg_stat_activity</c>).</summary>
    public const string LockSessionName = "talenthub-upload-claim";

    /// <summary>
    /// A new connection holding the claim lock of <paramref name="token"/>, or null when another session holds it. Not
    /// pooled: closing it ends its session, so a claim lock can never outlive its holder in an idle pooled session, even
    /// when <c>pg_advisory_unlock</c> fails (review: the pooled connection went back to the pool still holding the lock).
    /// </summary>
    private NpgsqlConnection? Lock(string token)
    {
        using var scope = scopes.CreateScope();
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(
            scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().Database.GetConnectionString())
        { Pooling = false, ApplicationName = LockSessionName }.ConnectionString);
        try
        {
            connection.Open();
            using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@c, @k)", connection);
            command.Parameters.AddWithValue("c", ClaimLockClass);
            command.Parameters.AddWithValue("k", LockKey(token));
            if (command.ExecuteScalar() is true) return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        connection.Dispose();
        return null;
    }

    /// <summary>Ends this node's hold on the claim.</summary>
    private static void Unlock(string? token)
    {
        if (token is not null && Held.TryRemove(token, out var connection)) Free(connection, token);
    }

    /// <summary>
    /// Releases the claim lock <paramref name="connection"/> holds and closes it, which ends its unpooled session: if the
    /// unlock fails, the server drops the lock with the session.
    /// </summary>
    private static void Free(NpgsqlConnection connection, string token)
    {
        try
        {
            using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@c, @k)", connection);
            command.Parameters.AddWithValue("c", ClaimLockClass);
            command.Parameters.AddWithValue("k", LockKey(token));
            command.ExecuteScalar();
        }
        finally { connection.Dispose(); }
    }

    /// <summary>The token's first 32 bits as the second lock key (two confirms running at once collide once in 2³² tries: the second is refused until the first ends).</summary>
    private static int LockKey(string token) => unchecked((int)uint.Parse(token.AsSpan(0, 8), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));

    private int Move(string? token, string userId, string from, string to)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return 0;
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().PendingUploads
            .Where(u => u.Token == token && u.UserId == userId && u.Kind == from).ExecuteUpdate(s => s.SetProperty(u => u.Kind, to));
    }

    private static string Claimed(string kind) => "claimed:" + kind;

    private static string Confirmed(string kind) => "confirmed:" + kind;
}
