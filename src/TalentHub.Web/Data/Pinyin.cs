using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
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

    /// <summary>Texts up to this many UTF-8 bytes are decoded on the stack in <see cref="CompareUtf8"/>; longer ones in a rented array.</summary>
    private const int StackBytes = 128;

    /// <summary>
    /// <see cref="Compare"/> of two UTF-8 texts as SQLite hands them to a collation, decoded into char buffers (the stack,
    /// or a pooled array for long texts) instead of two new strings per comparison: same sign as
    /// <c>Compare(Encoding.UTF8.GetString(x), Encoding.UTF8.GetString(y))</c> (invalid bytes become U+FFFD either way).
    /// Issue 12 (perf10): sorting a <c>/People?q=王秀</c> search's matches calls the collation a few hundred times, and
    /// SQLitePCL's string-typed callback made two strings per call — ~11 % of the bytes a warm search allocated
    /// (dotnet-trace gc-verbose).
    /// </summary>
    public static int CompareUtf8(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        char[]? rentedX = null, rentedY = null;
        try
        {
            // A UTF-8 text never decodes to more chars than it has bytes.
            var bufferX = x.Length <= StackBytes ? stackalloc char[StackBytes] : (rentedX = ArrayPool<char>.Shared.Rent(x.Length));
            var bufferY = y.Length <= StackBytes ? stackalloc char[StackBytes] : (rentedY = ArrayPool<char>.Shared.Rent(y.Length));
            var textX = bufferX[..Encoding.UTF8.GetChars(x, bufferX)];
            var textY = bufferY[..Encoding.UTF8.GetChars(y, bufferY)];
            var order = Chinese.Compare(textX, textY, CompareOptions.None);
            return order != 0 ? order : textX.SequenceCompareTo(textY);
        }
        finally
        {
            if (rentedX is not null) ArrayPool<char>.Shared.Return(rentedX);
            if (rentedY is not null) ArrayPool<char>.Shared.Return(rentedY);
        }
    }

    /// <summary>Physical connections that already have the collation (by native handle; see <see cref="SqlitePragmas"/>).</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Registered = new();
    private static readonly object Marker = new();

    /// <summary>
    /// Registers the collation on an open SQLite connection, once per physical connection: a collation stays with the
    /// native connection while the pool lends it out again, and registering it on every logical open cost ~1.5 % of a
    /// warm <c>/People</c> request (issue 12, perf6b trace: <c>sqlite3_create_collation</c> + SQLitePCL's hook
    /// bookkeeping). Registered on the native handle (not through <c>SqliteConnection.CreateCollation</c>, which
    /// re-registers on every open of that connection object), with the UTF-8 callback (<see cref="CompareUtf8"/>).
    /// </summary>
    public static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return;
        if (Registered.TryGetValue(handle, out _)) return;
        var rc = raw.sqlite3__create_collation_utf8(handle, Collation, null, static (_, x, y) => CompareUtf8(x, y));
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
