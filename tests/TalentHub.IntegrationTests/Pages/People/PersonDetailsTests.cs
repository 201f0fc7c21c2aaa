using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

public sealed class PersonDetailsTests(TalentHubFactory app) : AppTest(app)
{
    private Task<List<AuditEntry>> RevealsOfAsync(int personId) =>
        App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Reveal && a.EntityType == "Person" && a.EntityId == personId.ToString()).ToListAsync());

    [Fact]
    public async Task The_page_tells_the_whole_story_with_identifiers_masked()
    {
        var person = await App.AddPersonAsync(NewName("故事"), YuCun, p => p.SetCategories(
            [TalentCategory.LocalTalent, TalentCategory.ReturningEntrepreneur], LocalTalentType.CulturalTalent,
            new Venture { Origin = EntrepreneurOrigin.MigrantWorker, Name = "余村农家乐", Investment = 120m, JobsCreated = 12 }));
        await App.AddFamilyFarmLedByAsync(NewName("余村家庭农场"), person.Id, YuCun);
        var client = await App.LoginAsync("anji.clerk");

        var html = await client.GetStringAsync($"/People/{person.Id}");

        Assert.Contains(Masking.IdNumber(person.IdNumber), html);
        Assert.Contains(Masking.Mobile(person.Mobile), html);
        Assert.DoesNotContain(person.IdNumber, html);
        Assert.DoesNotContain(person.Mobile, html);
        Assert.Contains("乡土人才 · 文化能人", html);
        Assert.Contains("余村农家乐", html);
        Assert.Contains("返乡农民工", html);
        Assert.Contains("余村家庭农场", html);
        Assert.Contains("培训经历", html);
        Assert.Contains("安吉县 · 天荒坪镇 · 余村", html);
        Assert.Contains("显示完整号码", html);
    }

    [Fact]
    public async Task A_reveal_writes_an_audit_row_and_shows_the_full_numbers_on_that_response_only()
    {
        var person = await App.AddPersonAsync(NewName("查看"), YuCun);
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.PostFormAsync($"/People/{person.Id}?handler=Reveal", [], formPage: $"/People/{person.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(person.IdNumber, html);
        Assert.Contains(person.Mobile, html);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var audit = Assert.Single(await RevealsOfAsync(person.Id));
        Assert.Equal("anji.clerk", audit.UserName);
        Assert.Equal("330523000000", audit.CountyCode);
        Assert.DoesNotContain(person.IdNumber, audit.Changes ?? "");

        Assert.DoesNotContain(person.IdNumber, await client.GetStringAsync($"/People/{person.Id}"));
    }

    [Fact]
    public async Task A_county_clerk_gets_404_for_another_countys_person_on_details_and_reveal()
    {
        var wuxing = await App.AddPersonAsync(NewName("他县"), MengXiangGang);
        var client = await App.LoginAsync("anji.clerk");

        var details = await client.GetAsync($"/People/{wuxing.Id}");
        var reveal = await client.PostFormAsync($"/People/{wuxing.Id}?handler=Reveal", [], formPage: "/People");

        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
        Assert.DoesNotContain(wuxing.IdNumber, await reveal.Content.ReadAsStringAsync());
        Assert.Empty(await RevealsOfAsync(wuxing.Id));
    }

    [Fact]
    public async Task An_admin_may_not_reveal_no_button_and_the_post_is_forbidden()
    {
        var person = await App.AddPersonAsync(NewName("管理员"), YuCun);
        var client = await App.LoginAsync("admin");

        var page = await client.GetStringAsync($"/People/{person.Id}");
        var reveal = await client.PostFormAsync($"/People/{person.Id}?handler=Reveal", [], formPage: $"/People/{person.Id}");

        Assert.DoesNotContain("显示完整号码", page);
        Assert.True(reveal.StatusCode is HttpStatusCode.Forbidden
            || reveal.Headers.Location?.OriginalString.Contains("/Identity/Account/AccessDenied") == true, $"got {(int)reveal.StatusCode}");
        Assert.DoesNotContain(person.IdNumber, await reveal.Content.ReadAsStringAsync());
        Assert.Empty(await RevealsOfAsync(person.Id));
    }

    [Fact]
    public async Task A_farmer_cannot_reveal()
    {
        var person = await App.AddPersonAsync(NewName("农民看"), YuCun);
        var client = await App.LoginAsync("13800000005");

        var response = await client.PostFormAsync($"/People/{person.Id}?handler=Reveal", [], formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.Empty(await RevealsOfAsync(person.Id));
    }
}
