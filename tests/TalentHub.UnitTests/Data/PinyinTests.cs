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
}
