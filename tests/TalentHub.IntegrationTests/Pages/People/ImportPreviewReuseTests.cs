using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using static TalentHub.IntegrationTests.Support.ImportClient;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Review 5 (issue 12, the confirm reuses the preview's validated rows): what changes between preview and confirm is
/// honoured, two confirms at once write each record once, and nothing is half written.
/// </summary>
public sealed class ImportPreviewReuseTests(TalentHubFactory app) : AppTest(app)
{
    private const string PeoplePage = "/People/Import";
    private const string EntitiesPage = "/Entities/Import";
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private Task<int> CountAsync(params string[] names) =>
        App.QueryAsync(db => db.People.IgnoreQueryFilters().CountAsync(p => names.Contains(p.Name)));

    private static byte[] PeopleCsv(params (string Name, string Id)[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n",
        ["姓名,身份证号,所在村（社区）,人才类别", .. rows.Select(r => $"{r.Name},{r.Id},余村,高素质农民")]));

    [Fact]
    public async Task AnEntityWhoseLegalRepresentativeMovedToAnotherCounty_SincePreview_IsNotWritten_AndTheConfirmSaysWhy()
    {
        var leader = await App.CreatePersonAsync();
        var stays = await App.CreatePersonAsync();
        var client = await App.LoginAsync("anji.clerk");
        var moved = CreditCode.Create("92330523MA" + new string(Enumerable.Range(0, 7).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]).ToArray()));
        var kept = CreditCode.Create("92330523MA" + new string(Enumerable.Range(0, 7).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]).ToArray()));
        var csv = string.Join("\r\n", "主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）",
            $"{NewName("搬走农场")},{moved},家庭农场,{leader.IdNumber},余村",
            $"{NewName("留下农场")},{kept},家庭农场,{stays.IdNumber},余村");
        var (_, html) = await client.ValidateAsync(EntitiesPage, Encoding.UTF8.GetBytes(csv), "entities.csv");
        Assert.Contains("可导入 2 行", html);
        // Meanwhile the city moves the legal representative to 吴兴区.
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var person = await db.People.IgnoreQueryFilters([RegionFilter.Name]).SingleAsync(p => p.Id == leader.Id);
            person.MoveTo(WuxingVillage);
            await db.SaveChangesAsync();
        }

        var done = WebUtility.HtmlDecode(await client.ConfirmAsync(EntitiesPage, html));

        Assert.Contains("写入 1 行，已存在跳过 0 行，有错误未导入 1 行", done);
        Assert.False(await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters().AnyAsync(e => e.CreditCode == moved)));
        Assert.True(await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).AnyAsync(e => e.CreditCode == kept && e.LegalRepresentativeId == stays.Id)));
    }

    [Fact]
    public async Task APersonWhoSignedUpBetweenPreviewAndConfirm_IsSkipped_NotDuplicated()
    {
        var client = await App.LoginAsync("anji.clerk");
        var newcomer = (Name: NewName("自己注册"), Id: NewId(Sex.Female));
        var other = (Name: NewName("随后导入"), Id: NewId());
        var (_, html) = await client.ValidateAsync(PeoplePage, PeopleCsv(newcomer, other), "people.csv");
        Assert.Contains("可导入 2 行", html);
        // Meanwhile the farmer signs up on the public form with the same ID number.
        var mobile = NewMobile();
        var signUp = await App.NewClient().PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Mobile"] = mobile, ["Input.Name"] = newcomer.Name, ["Input.IdNumber"] = newcomer.Id, ["Input.VillageCode"] = Yucun,
            ["Input.Password"] = "my farm by the bamboo hills", ["Input.ConfirmPassword"] = "my farm by the bamboo hills",
        });
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);

        var done = WebUtility.HtmlDecode(await client.ConfirmAsync(PeoplePage, html));

        Assert.Contains("写入 1 行，已存在跳过 1 行", done);
        Assert.Equal(1, await CountAsync(newcomer.Name));
        Assert.Equal(1, await CountAsync(other.Name));
        // The signed-up farmer keeps their own record (with the mobile they gave) and their account.
        Assert.True(await App.QueryAsync(db => db.Users.AnyAsync(u => u.DisplayName == newcomer.Name && u.PersonId != null)));
    }

    [Fact]
    public async Task TwoTabsConfirmingTheSamePreviewAtOnce_WriteEachPersonOnce_AndNeitherFails()
    {
        var client = await App.LoginAsync("anji.clerk");
        var rows = Enumerable.Range(0, 30).Select(i => (Name: NewName("双击" + i), Id: NewId())).ToArray();
        var (_, html) = await client.ValidateAsync(PeoplePage, PeopleCsv(rows), "people.csv");
        var form = await client.GetStringAsync(PeoplePage);
        Task<HttpResponseMessage> Confirm() => client.PostAsync(PeoplePage + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = TokenOf(html), ["__RequestVerificationToken"] = FormClient.TokenOf(form),
        }));

        var answers = await Task.WhenAll(Confirm(), Confirm());

        foreach (var answer in answers)
        {
            var body = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
            // Each tab either finished (redirect with the summary) or was told the import was already confirmed (review 5)
            // or, the other tab still writing, is being confirmed there.
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect
                || (answer.StatusCode == HttpStatusCode.OK && (body.Contains("此次导入已经确认过") || body.Contains("此次导入正在另一个标签页或窗口中确认"))),
                $"{(int)answer.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        foreach (var (name, _) in rows) Assert.Equal(1, await CountAsync(name));
        Assert.False(await App.QueryAsync(db => db.People.IgnoreQueryFilters().AnyAsync(p => EF.Property<long?>(p, "ImportBatchId") != null && rows.Select(r => r.Name).Contains(p.Name))));
    }
}
