using TalentHub.UnitTests.Builders;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Infrastructure;

/// <summary>The jobs console says each Quartz cron in words in both languages, and shows unusual shapes as written.</summary>
public sealed class CronTextTests
{
    private static readonly IStringLocalizer L = Texts.L;

    [Theory]
    [InlineData("0 30 2 * * ?", "每天 02:30", "daily at 02:30")]
    [InlineData("0 */10 * * * ?", "每 10 分钟", "every 10 minutes")]
    [InlineData("*/30 * * * * ?", "每 30 秒", "every 30 seconds")]
    [InlineData("0 * * * * ?", "每分钟", "every minute")]
    [InlineData("*/1 * * * * ?", "每 1 秒", "every second")]
    [InlineData("30 */1 * * * ?", "每 1 分钟（第 30 秒）", "every minute, at second 30")]
    [InlineData("0 15 * * * ?", "每小时第 15 分", "hourly at minute 15")]
    [InlineData("0 0 9 ? * MON", "每周一 09:00", "every Monday at 09:00")]
    [InlineData("0 0 8 1 * ?", "每月 1 日 08:00", "monthly on day 1 at 08:00")]
    [InlineData("30 */5 * * * ?", "每 5 分钟（第 30 秒）", "every 5 minutes, at second 30")]
    [InlineData("45 */5 * * * ?", "每 5 分钟（第 45 秒）", "every 5 minutes, at second 45")]
    [InlineData("0 12/15 * * * ?", "每 15 分钟（自第 12 分起）", "every 15 minutes from minute 12")]
    [InlineData("0 0 8 L * ?", "0 0 8 L * ?", "0 0 8 L * ?")]
    [InlineData("0 70/5 * * * ?", "0 70/5 * * * ?", "0 70/5 * * * ?")]
    public void Describe_SaysTheScheduleInWords(string cron, string zh, string en)
    {
        Assert.Equal(zh, In("zh-CN", () => CronText.Describe(cron, L)));
        Assert.Equal(en, In("en", () => CronText.Describe(cron, L)));
    }

    private static string In(string culture, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); } finally { CultureInfo.CurrentUICulture = before; }
    }
}
