using System.Collections.Concurrent;

namespace TalentHub.Web.Data;

/// <summary>
/// Small per-user values every signed-in request reads (the session's security stamp, the unread count), reused while
/// this process has written nothing since they were read: a value read after <see cref="DataVersions.Writes"/> was
/// <c>v</c> is served only while it is still <c>v</c>, and <see cref="DataVersionInterceptor"/> moves it on every write
/// EF sees (a save of any entity, before and after; a bulk update or delete; a commit). So a password change, a lock,
/// a role change or a logout (each a save of the account through Identity) ends the session on the very next request,
/// and a new or read message shows in the next badge. Issue 12 (perf7a): dotnet-trace of a warm <c>/People?q=王秀</c>
/// put these two reads at ~8 % of the request's CPU, almost all of it SQLite's per-statement work.
/// <para>
/// Only where this process is the only writer: on SQLite (one node; the only writes outside EF are the personal-data
/// key rotation's re-encryption and the import's bulk rows, neither of which touches a stamp or a message). On
/// PostgreSQL another node may change a stamp at any time, so there every call reads (<c>enabled: false</c>).
/// At most <see cref="MaxEntries"/> values are kept; all of them are dropped at the first read after a write.
/// </para>
/// </summary>
public sealed class UnchangedReads(DataVersions versions, bool enabled)
{
    /// <summary>Values kept at most (one per user and kind); beyond that further reads are not kept until the next write.</summary>
    public const int MaxEntries = 10_000;

    private sealed class Table(long version)
    {
        public readonly long Version = version;
        public readonly ConcurrentDictionary<string, object?> Values = new(StringComparer.Ordinal);
    }

    private Table table = new(-1);

    /// <summary>
    /// The value of <paramref name="key"/> (e.g. <c>"stamp:" + userId</c>) as <paramref name="read"/> last returned it, if
    /// nothing was written since; otherwise <paramref name="read"/>'s fresh value (kept for later calls).
    /// </summary>
    public async Task<object?> ReadAsync(string key, Func<Task<object?>> read)
    {
        if (!enabled) return await read();
        var version = versions.Writes;  // before the read: a write that overlaps it moves the version past this one
        var current = Volatile.Read(ref table);
        if (current.Version == version && current.Values.TryGetValue(key, out var kept)) return kept;
        var value = await read();
        if (current.Version < version)
        {
            var fresh = new Table(version);
            var seen = Interlocked.CompareExchange(ref table, fresh, current);
            current = ReferenceEquals(seen, current) ? fresh : seen;
        }
        if (current.Version == version && current.Values.Count < MaxEntries) current.Values[key] = value;
        return value;
    }
}
