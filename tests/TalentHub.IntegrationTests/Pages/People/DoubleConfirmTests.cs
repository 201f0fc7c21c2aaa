using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.IntegrationTests.Pages.Training.Courses;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Review 5 leftover: confirming the same preview a second time (another tab, the back button) imports nothing again,
/// records no second import audit row (it used to record "rows=0"), and says in the user's language that the import was
/// already confirmed, for every importer with a preview: people, entities and course rosters.
/// </summary>
public sealed class DoubleConfirmTests(TalentHubFactory app) : AppTest(app)
{
    public static TheoryData<string?> Languages => new() { null, "en" };

    /// <summary>The "already confirmed" message in the language of the test.</summary>
    internal static string AlreadyConfirmed(string? language) => language is null ? "此次导入已经确认过" : "This import was already confirmed";

    /// <summary>A file name the audit summary keeps as it is (letters only, no long digit runs).</summary>
    internal static string FileName(string stem) => stem + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).ToArray()) + ".csv";

    private static async Task SpeakAsync(HttpClient client, string? language, string page)
    {
        if (language is not null) (await client.GetAsync(page + "?culture=" + language)).EnsureSuccessStatusCode();
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string page, string token) =>
        client.PostFormAsync(page + "?handler=Confirm", new() { ["Token"] = token }, formPage: page);

    private Task<int> ImportAuditsAsync(string fileName) =>
        App.QueryAsync(db => db.AuditEntries.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(a => a.Action == AuditAction.Import && a.Changes!.Contains(fileName)));

    private static async Task AssertAlreadyConfirmedAsync(HttpResponseMessage response, string? language)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AlreadyConfirmed(language), WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task People_ConfirmedTwice_ImportOnce_AuditOnce_AndTheSecondSaysSo(string? language)
    {
        const string page = "/People/Import";
        var client = await App.LoginAsync("anji.clerk");
        await SpeakAsync(client, language, page);
        var prefix = NewName("双确认");
        var csv = "姓名,身份证号,所在村（社区）,人才类别\r\n" + string.Concat(Enumerable.Range(0, 3).Select(i => $"{prefix}{i},{NewIdNumber(YuCun).Value},余村,高素质农民\r\n"));
        var file = FileName("people");
        var (_, html) = await client.ValidateAsync(page, Encoding.UTF8.GetBytes(csv), file);
        var token = ImportClient.TokenOf(html);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, page, token)).StatusCode);
        await AssertAlreadyConfirmedAsync(await ConfirmAsync(client, page, token), language);

        Assert.Equal(1, await ImportAuditsAsync(file));
        Assert.Equal(3, await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name.StartsWith(prefix))));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Entities_ConfirmedTwice_ImportOnce_AuditOnce_AndTheSecondSaysSo(string? language)
    {
        const string page = "/Entities/Import";
        var client = await App.LoginAsync("anji.clerk");
        await SpeakAsync(client, language, page);
        var leader = await App.CreatePersonAsync();
        var name = NewName("双确认农场");
        var code = NewCreditCode();
        var csv = $"主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）\r\n{name},{code},家庭农场,{leader.IdNumber},余村\r\n";
        var file = FileName("entities");
        var (_, html) = await client.ValidateAsync(page, Encoding.UTF8.GetBytes(csv), file);
        var token = ImportClient.TokenOf(html);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, page, token)).StatusCode);
        await AssertAlreadyConfirmedAsync(await ConfirmAsync(client, page, token), language);

        Assert.Equal(1, await ImportAuditsAsync(file));
        Assert.Equal(1, await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(e => e.CreditCode == code)));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Roster_ConfirmedTwice_EnrollsOnce_AuditsOnce_AndTheSecondSaysSo(string? language)
    {
        var course = await App.CreateOpenCourseAsync(capacity: 5);
        var page = RosterImportTests.ImportUrl(course);
        var trainee = await App.CreatePersonAsync();
        var client = await App.LoginAsync("anji.clerk");
        await SpeakAsync(client, language, page);
        var file = FileName("roster");
        var checkedFile = await RosterImportTests.UploadAsync(client, course, Encoding.UTF8.GetBytes($"姓名,身份证号\r\n{trainee.Name},{trainee.IdNumber}\r\n"), file);
        var token = ImportClient.TokenOf(await checkedFile.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, page, token)).StatusCode);
        await AssertAlreadyConfirmedAsync(await ConfirmAsync(client, page, token), language);

        Assert.Equal(1, await ImportAuditsAsync(file));
        Assert.Equal(1, await App.QueryAsync(db => db.Enrollments.CountAsync(e => e.CourseId == course)));
    }

    [Fact]
    public void AnUpload_IsClaimedOnce_GivenBackWhole_AndRemembersItsConfirm()
    {
        var store = App.Services.GetRequiredService<IUploadStore>();
        var token = store.Save([1, 2, 3], "claim.csv", "user-a", "people");

        Assert.False(store.TryClaim(token, "user-b", "people"));
        Assert.False(store.TryClaim(token, "user-a", "entities"));
        Assert.True(store.TryClaim(token, "user-a", "people"));
        Assert.False(store.TryClaim(token, "user-a", "people"));
        Assert.Null(store.Load(token, "user-a", "people"));
        Assert.Equal(UploadState.Confirming, store.StateOf(token, "user-a", "people"));
        store.Release(token, "user-a", "people");
        Assert.Equal(UploadState.Open, store.StateOf(token, "user-a", "people"));
        Assert.Equal([1, 2, 3], store.Load(token, "user-a", "people")!.Bytes);
        Assert.True(store.TryClaim(token, "user-a", "people"));
        store.MarkConfirmed(token, "user-a", "people");
        Assert.Null(store.Load(token, "user-a", "people"));
        Assert.Equal(UploadState.Confirmed, store.StateOf(token, "user-a", "people"));
        Assert.Equal(UploadState.Missing, store.StateOf(token, "user-b", "people"));
    }

    private static string NewCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        const string prefix = "92330523MA";
        return CreditCode.Create(prefix + new string(Enumerable.Range(0, 17 - prefix.Length).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray()));
    }
}
