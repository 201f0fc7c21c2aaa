using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// A confirm killed after claiming its upload (kill -9: the claimed file stays, no batch was committed, the pending one
/// is discarded at start-up) no longer makes the retry say "already confirmed" although nothing was written: the retry
/// says, next to the upload field, that the confirm was interrupted and the file must be uploaded again. A confirm still
/// running in this process is told apart from it ("being confirmed").
/// </summary>
public sealed class InterruptedConfirmTests(TalentHubFactory app) : AppTest(app)
{
    private const string Page = "/People/Import";

    public static TheoryData<string?> Languages => new() { null, "en" };

    private static string Interrupted(string? language) => language is null ? "此次导入的确认过程被中断" : "The confirm of this import was interrupted";

    [Theory, MemberData(nameof(Languages))]
    public async Task AConfirmKilledAfterItsClaim_IsReportedAsInterrupted_NotAsAlreadyConfirmed(string? language)
    {
        var (client, token, prefix, file) = await ValidatedAsync(language);
        // What a killed confirm leaves behind: the upload renamed to its claim, no running confirm holding it, no batch.
        var uploads = Path.Combine(App.Services.GetRequiredService<DataDirectory>().Root, "uploads");
        File.Move(Path.Combine(uploads, token), Path.Combine(uploads, token + ".claimed"));

        var retry = await ConfirmAsync(client, token);
        var html = WebUtility.HtmlDecode(await retry.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains(Interrupted(language), html);
        Assert.DoesNotContain(DoubleConfirmTests.AlreadyConfirmed(language), html);
        Assert.Matches("<span[^>]*data-valmsg-for=\"Upload\"[^>]*>[^<]*" + Interrupted(language), html);
        Assert.Equal(0, await App.QueryAsync(db => db.People.IgnoreQueryFilters().CountAsync(p => p.Name.StartsWith(prefix))));
        Assert.Equal(0, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Import && a.Changes!.Contains(file))));
    }

    [Fact]
    public async Task AConfirmStillRunning_IsReportedAsBeingConfirmed()
    {
        var (client, token, prefix, _) = await ValidatedAsync("en");
        var userId = await App.QueryAsync(db => db.Users.Where(u => u.UserName == "anji.clerk").Select(u => u.Id).SingleAsync());
        var store = App.Services.GetRequiredService<IUploadStore>();
        Assert.True(store.TryClaim(token, userId, "people"));
        try
        {
            var html = WebUtility.HtmlDecode(await (await ConfirmAsync(client, token)).Content.ReadAsStringAsync());

            Assert.Contains("This import is being confirmed in another tab or window", html);
            Assert.Equal(0, await App.QueryAsync(db => db.People.IgnoreQueryFilters().CountAsync(p => p.Name.StartsWith(prefix))));
        }
        finally
        {
            store.Release(token, userId, "people");
        }
    }

    private async Task<(HttpClient Client, string Token, string Prefix, string File)> ValidatedAsync(string? language)
    {
        var client = await App.LoginAsync("anji.clerk");
        if (language is not null) (await client.GetAsync(Page + "?culture=" + language)).EnsureSuccessStatusCode();
        var prefix = NewName("中断");
        var csv = "姓名,身份证号,所在村（社区）,人才类别\r\n" + string.Concat(Enumerable.Range(0, 2).Select(i => $"{prefix}{i},{NewIdNumber(YuCun).Value},余村,高素质农民\r\n"));
        var file = DoubleConfirmTests.FileName("interrupted");
        var (_, html) = await client.ValidateAsync(Page, Encoding.UTF8.GetBytes(csv), file);
        return (client, ImportClient.TokenOf(html), prefix, file);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string token) =>
        client.PostFormAsync(Page + "?handler=Confirm", new() { ["Token"] = token }, formPage: Page);
}
