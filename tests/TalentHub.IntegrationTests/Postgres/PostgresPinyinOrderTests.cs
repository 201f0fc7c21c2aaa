using TalentHub.IntegrationTests.Support;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Chinese names and titles sort by pinyin on PostgreSQL (the ICU collation of the Ux migration).</summary>
public sealed class PostgresPinyinOrderTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task OrderByPinyinCollation_OnPostgres_SortsAbaBeforeLiBeforeZhang()
    {
        var (collated, codePoint) = await PinyinOrder.ReadAsync(App);

        Assert.Equal(["阿坝", "李村", "张庄"], collated);
        Assert.Equal(["张庄", "李村", "阿坝"], codePoint);  // the test database is LC_COLLATE 'C'
    }
}
