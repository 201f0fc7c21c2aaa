using System.Text.RegularExpressions;
using TalentHub.Web.Jobs;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// admin30: /Admin/Jobs showed every job's key (<c>OutboxDispatch</c> …) under its Chinese name. The admin reads the
/// localized name and description only; the key stays in the row's attributes.
/// </summary>
public sealed partial class JobsNamesTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("zh-CN", "消息投递", "把排队中的通知投递为站内消息")]
    [InlineData("en", "Notification delivery", "Delivers queued notifications")]
    public async Task EveryJobRow_ShowsItsNameAndDescription_AndNoKey(string culture, string outboxName, string outboxDescription)
    {
        var admin = await App.LoginAsync("admin");

        var html = await admin.GetStringAsync($"/Admin/Jobs?culture={culture}");

        var rows = RowPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(TalentHubJobs.All.Select(j => j.Name).Order(), rows.Keys.Order());
        foreach (var job in TalentHubJobs.All)
        {
            var text = WebUtility.HtmlDecode(TagPattern().Replace(rows[job.Name], " "));
            Assert.DoesNotContain(job.Name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Jobs.", text, StringComparison.Ordinal);
            Assert.Matches("data-job-name>[^<]+<", rows[job.Name]);
            Assert.Matches("data-job-description>[^<]+<", rows[job.Name]);
        }
        Assert.Contains($"data-job-name>{outboxName}<", rows["OutboxDispatch"]);
        Assert.Contains(outboxDescription, WebUtility.HtmlDecode(rows["OutboxDispatch"]));
    }

    [GeneratedRegex("<tr data-job=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
