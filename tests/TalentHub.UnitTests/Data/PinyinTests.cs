using System.Text;
using Microsoft.Data.Sqlite;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>The SQLite side of the pinyin collation: .NET's zh-CN comparison (ICU, not invariant globalization).</summary>
public sealed class PinyinTests
{
    [Fact]
    public void Compare_OrdersChineseByPinyin_NotByCodePoint()
    {
        var names = new List<string> { "张伟", "李娜", "阿强", "王芳", "陈杰" };
        names.Sort(Pinyin.Compare);
        Assert.Equal(["阿强", "陈杰", "李娜", "王芳", "张伟"], names);
    }

    [Fact]
    public void Compare_IsTotal_SoDifferentStringsNeverTie()
    {
        Assert.NotEqual(0, Pinyin.Compare("李", "李 "));
        Assert.Equal(0, Pinyin.Compare("李村", "李村"));
    }

    [Fact]
    public void Globalization_IsNotInvariant()
    {
        Assert.False(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
    }

    /// <summary>Names with ties under ICU (width, case, trailing space), ASCII, mixed scripts, empty, invalid UTF-8 and texts past the stack buffer.</summary>
    private static readonly byte[][] Texts =
    [
        .. new[] { "张伟", "李娜", "阿强", "王芳", "陈杰", "李", "李 ", "李村", "王秀英", "王秀兰", "Zhang Wei", "zhang wei", "ＡＢＣ", "ABC", "abc",
            "", "王 秀", "张三丰abc", "é", "e\u0301", new string('王', 60), new string('王', 60) + "秀", new string('a', 300), new string('a', 299) + "b" }
            .Select(Encoding.UTF8.GetBytes),
        [0xE7, 0x8E], // a cut-off 王
        [0xFF, 0x41],
    ];

    [Fact]
    public void CompareUtf8_HasTheSignOfCompare_ForEveryPair()
    {
        foreach (var x in Texts)
            foreach (var y in Texts)
                Assert.Equal(Math.Sign(Pinyin.Compare(Encoding.UTF8.GetString(x), Encoding.UTF8.GetString(y))), Math.Sign(Pinyin.CompareUtf8(x, y)));
    }

    /// <summary>
    /// Issue 12 (perf10): SQLite calls the collation once per comparison of an ORDER BY, and the callback used to make a
    /// string of each side every time. Sorting 3,000 names (tens of thousands of comparisons) through the registered
    /// collation now allocates almost nothing beyond the rows read (a string per name was ~2 MB here).
    /// </summary>
    [Fact]
    public void The_registered_collation_compares_without_making_strings()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Pinyin.Register(connection);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (name TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) " +
                "INSERT INTO t SELECT char(19968 + (i * 7919) % 20000, 19968 + (i * 104729) % 20000, 19968 + i % 20000) FROM n";
            create.ExecuteNonQuery();
        }
        using var sort = connection.CreateCommand();
        sort.CommandText = "SELECT count(*) FROM (SELECT name FROM t ORDER BY name COLLATE " + Pinyin.Collation + " LIMIT -1 OFFSET 0)";
        Assert.Equal(3000L, sort.ExecuteScalar()); // warm: statement compiled, ICU collator loaded

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(3000L, sort.ExecuteScalar());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 100_000, $"{allocated:N0} bytes allocated sorting 3,000 names");
    }
}
