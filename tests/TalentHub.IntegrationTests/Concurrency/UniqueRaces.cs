using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.IntegrationTests.Pages.Entities;
using TalentHub.IntegrationTests.Pages.People;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// Two users saving the same unique value at once, through the real pages (run on SQLite and PostgreSQL). The race is
/// made deterministic with <see cref="RivalSave"/>: the loser's page has checked for a duplicate and found none, and
/// just before its save the rival's whole post runs, so the loser's insert (or update) meets the unique index. The
/// loser gets the same error next to the field as the page's own check gives (was a 500), keeps what was typed, and
/// nothing of the loser's post is written.
/// </summary>
public static class UniqueRaces
{
    private static async Task<string> LoseAsync<T>(TalentHubFactory app, Func<Task> rival, Func<Task<HttpResponseMessage>> loser)
    {
        app.Rival.Arm<T>(rival);
        try
        {
            var response = await loser();
            Assert.True(app.Rival.Ran, "the rival's post did not run before the loser's save");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
            return html;
        }
        finally { app.Rival.Disarm(); }
    }

    public static async Task EntityCreate_LoserGetsTheDuplicateCreditCodeErrorAsync(TalentHubFactory app)
    {
        var winner = await app.LoginAsync("anji.clerk");
        var loser = await app.LoginAsync("anji.clerk");
        var leader = await app.PersonIdInCountyAsync("330523");
        var code = EntityForms.NewCreditCode();
        var (winnerName, loserName) = (EntityForms.NewName(), EntityForms.NewName());

        var html = await LoseAsync<TalentHub.Web.Domain.Entities.BusinessEntity>(app,
            () => EntityForms.CreateAsync(winner, EntityForms.Fields(winnerName, code, leader)),
            () => loser.PostFormAsync("/Entities/Create", EntityForms.Fields(loserName, code, leader)));

        Assert.Contains("该统一社会信用代码已在安吉县登记", PeopleTestData.FieldError(html, "Input.CreditCode"));
        Assert.Contains($"value=\"{loserName}\"", html);
        var names = await app.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name])
            .Where(e => e.CreditCode == code || e.Name == loserName).Select(e => e.Name).ToListAsync());
        Assert.Equal([winnerName], names);
    }

    public static async Task EntityEdit_ToACodeSavedMeanwhile_LoserGetsTheDuplicateErrorAsync(TalentHubFactory app)
    {
        var winner = await app.LoginAsync("anji.clerk");
        var loser = await app.LoginAsync("anji.clerk");
        var leader = await app.PersonIdInCountyAsync("330523");
        var (oldCode, code) = (EntityForms.NewCreditCode(), EntityForms.NewCreditCode());
        var id = await EntityForms.CreateAsync(loser, EntityForms.Fields(EntityForms.NewName(), oldCode, leader));
        var edited = EntityForms.Fields(EntityForms.NewName(), code, leader);

        var html = await LoseAsync<TalentHub.Web.Domain.Entities.BusinessEntity>(app,
            () => EntityForms.CreateAsync(winner, EntityForms.Fields(EntityForms.NewName(), code, leader)),
            () => loser.PostFormAsync($"/Entities/{id}/Edit", edited));

        Assert.Contains("该统一社会信用代码已在安吉县登记", PeopleTestData.FieldError(html, "Input.CreditCode"));
        Assert.Contains($"value=\"{edited["Input.Name"]}\"", html);
        var stored = await app.LoadAsync(id);
        Assert.Equal(oldCode, stored.CreditCode);
        Assert.Equal(0, stored.Version);
    }

    public static async Task EntityLink_TheSamePersonAndRole_LoserGetsAlreadyLinkedAsync(TalentHubFactory app)
    {
        var winner = await app.LoginAsync("anji.clerk");
        var loser = await app.LoginAsync("anji.clerk");
        var id = await app.CreateAnjiFarmAsync(loser);
        var person = await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.CountyCode.StartsWith("330523")).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        var link = new Dictionary<string, string> { ["personId"] = person.ToString(CultureInfo.InvariantCulture), ["role"] = "Member" };

        var html = await LoseAsync<TalentHub.Web.Domain.Entities.EntityMember>(app,
            async () => Assert.Equal(HttpStatusCode.Redirect, (await winner.PostFormAsync($"/Entities/{id}?handler=Link", new(link), $"/Entities/{id}")).StatusCode),
            () => loser.PostFormAsync($"/Entities/{id}?handler=Link", new(link), $"/Entities/{id}"));

        Assert.Contains("该人员已以此角色关联", html);
        Assert.Equal(1, (await app.LoadAsync(id)).People.Count(m => m.PersonId == person && m.Role == TalentHub.Web.Domain.Entities.MemberRole.Member));
    }

    private static Dictionary<string, string> ProgramFields(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Year"] = "2027",
        ["Input.Budget"] = "120",
        ["Input.Version"] = "0",
        ["Input.Standards[0].Type"] = "BusinessManagement",
        ["Input.Standards[0].Yuan"] = "5000",
    };

    public static async Task ProgramCreate_LoserGetsTheDuplicateNameErrorAsync(TalentHubFactory app)
    {
        var winner = await app.LoginAsync("city.officer");
        var loser = await app.LoginAsync("city.officer");
        var name = $"并发项目-{Guid.NewGuid():N}"[..20];

        var html = await LoseAsync<TalentHub.Web.Domain.Training.TrainingProgram>(app,
            async () => Assert.Equal(HttpStatusCode.Redirect, (await winner.PostFormAsync("/Programs/Create", ProgramFields(name))).StatusCode),
            () => loser.PostFormAsync("/Programs/Create", ProgramFields(name)));

        Assert.Contains("同一年度已有同名项目", PeopleTestData.FieldError(html, "Input.Name"));
        Assert.Equal(1, await app.QueryAsync(db => db.Programs.CountAsync(p => p.Year == 2027 && p.Name == name)));
    }

    public static async Task PersonCreate_LoserGetsTheDuplicateIdNumberErrorAsync(TalentHubFactory app)
    {
        var winner = await app.LoginAsync("anji.clerk");
        var loser = await app.LoginAsync("anji.clerk");
        var id = PeopleTestData.NewIdNumber(PeopleTestData.YuCun).Value;
        var (winnerName, loserName) = (PeopleTestData.NewName("赢家"), PeopleTestData.NewName("输家"));

        var html = await LoseAsync<TalentHub.Web.Domain.People.Person>(app,
            async () => Assert.Equal(HttpStatusCode.Redirect, (await winner.PostFormAsync("/People/Create", PeopleTestData.CreateForm(winnerName, id))).StatusCode),
            () => loser.PostFormAsync("/People/Create", PeopleTestData.CreateForm(loserName, id)));

        Assert.Contains("该身份证号已在安吉县登记", PeopleTestData.FieldError(html, "Input.IdNumber"));
        Assert.Contains($"value=\"{loserName}\"", html);
        Assert.Equal(1, await app.CountNamedAsync(winnerName));
        Assert.Equal(0, await app.CountNamedAsync(loserName));
    }

    public static async Task PersonEdit_ToAnIdNumberRegisteredMeanwhile_LoserGetsTheDuplicateErrorAsync(TalentHubFactory app)
    {
        var winner = await app.LoginAsync("anji.clerk");
        var loser = await app.LoginAsync("anji.clerk");
        var person = await app.AddPersonAsync(PeopleTestData.NewName("编辑"), PeopleTestData.YuCun);
        var before = (await app.PersonAsync(person.Id))!;
        var id = PeopleTestData.NewIdNumber(PeopleTestData.YuCun).Value;
        var newName = PeopleTestData.NewName("改名");

        var html = await LoseAsync<TalentHub.Web.Domain.People.Person>(app,
            async () => Assert.Equal(HttpStatusCode.Redirect, (await winner.PostFormAsync("/People/Create", PeopleTestData.CreateForm(PeopleTestData.NewName("赢家"), id))).StatusCode),
            () => loser.PostPairsAsync($"/People/{person.Id}/Edit",
            [
                ("Input.Name", newName), ("Input.IdNumber", id), ("Input.Mobile", ""), ("Input.RegionCode", PeopleTestData.YuCun),
                ("Input.Version", before.Version.ToString(CultureInfo.InvariantCulture)), ("Input.Categories", "HighQualityFarmer"),
            ]));

        Assert.Contains("该身份证号已在安吉县登记", PeopleTestData.FieldError(html, "Input.IdNumber"));
        Assert.Contains($"value=\"{newName}\"", html);
        var after = (await app.PersonAsync(person.Id))!;
        Assert.Equal(before.IdNumber, after.IdNumber);
        Assert.Equal(before.Name, after.Name);
    }
}
