using TalentHub.IntegrationTests.Support;

namespace TalentHub.IntegrationTests.Data;

/// <summary>Chinese names and titles sort by pinyin on SQLite (a collation registered on each connection).</summary>
public sealed class PinyinOrderTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task OrderByPinyinCollation_OnSqlite_SortsAbaBeforeLiBeforeZhang()
    {
        var (collated, codePoint) = await PinyinOrder.ReadAsync(App);

        Assert.Equal(["阿坝", "李村", "张庄"], collated);
        Assert.Equal(["张庄", "李村", "阿坝"], codePoint);  // the control: plain ORDER BY is code-point order
    }
}
