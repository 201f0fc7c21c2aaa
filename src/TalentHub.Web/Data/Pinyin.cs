using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace TalentHub.Web.Data;

/// <summary>
/// The "pinyin" collation that orders Chinese names and titles as a reader expects (拼音 order, not code points):
/// an ICU collation on PostgreSQL (created by the Ux migration) and the same name registered on every SQLite
/// connection, comparing with .NET's zh-CN culture (ICU; the app does not run in invariant globalization mode).
/// Use it in ORDER BY only: <c>OrderBy(p =&gt; EF.Functions.Collate(p.Name, Pinyin.Collation))</c>.
/// </summary>
public static class Pinyin
{
    public const string Collation = "pinyin";
    public const string IcuLocale = "zh-u-co-pinyin";

    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>Compares two strings in pinyin order (ties broken by ordinal order, so the sort is total).</summary>
    public static int Compare(string? x, string? y)
    {
        var order = Chinese.Compare(x, y, CompareOptions.None);
        return order != 0 ? order : string.CompareOrdinal(x, y);
    }

    /// <summary>Physical connections that already have the collation (by native handle; see <see cref="SqlitePragmas"/>).</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Registered = new();
    private static readonly object Marker = new();

    /// <summary>
    /// Registers the collation on an open SQLite connection, once per physical connection: a collation stays with the
    /// native connection while the pool lends it out again, and registering it on every logical open cost ~1.5 % of a
    /// warm <c>/People</c> request (issue 12, perf6b trace: <c>sqlite3_create_collation</c> + SQLitePCL's hook
    /// bookkeeping). Registered on the native handle (not through <c>SqliteConnection.CreateCollation</c>, which
    /// re-registers on every open of that connection object).
    /// </summary>
    public static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return;
        if (Registered.TryGetValue(handle, out _)) return;
        var rc = raw.sqlite3_create_collation(handle, Collation, null, (_, x, y) => Compare(x, y));
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, handle);
        Registered.AddOrUpdate(handle, Marker);
    }
}

/// <summary>Registers <see cref="Pinyin"/> on every SQLite connection EF opens.</summary>
public sealed class SqlitePinyin : DbConnectionInterceptor
{
    /// <summary>The one instance (stateless); the same object in every context's options keeps those options equal.</summary>
    public static readonly SqlitePinyin Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Pinyin.Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Pinyin.Register(connection);
        return Task.CompletedTask;
    }
}
