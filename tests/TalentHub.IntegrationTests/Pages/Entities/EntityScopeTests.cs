using TalentHub.Web.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Entities;
using static TalentHub.IntegrationTests.Pages.Entities.EntityForms;

namespace TalentHub.IntegrationTests.Pages.Entities;

public sealed class EntityScopeTests(TalentHubFactory app) : AppTest(app)
{
    private async Task<int> WuxingEntityAsync()
    {
        var wuxing = await App.LoginAsync("wuxing.officer");
        return await CreateAsync(wuxing, Fields(NewName(), NewCreditCode(), await App.PersonIdInCountyAsync("330502"), village: Xishancun));
    }

    [Fact]
    public async Task AnotherCountysEntity_Is404_OnEveryPageAndHandler()
    {
        var id = await WuxingEntityAsync();
        var member = (await App.LoadAsync(id)).People.Single().Id;
        var anji = await App.LoginAsync("anji.officer");
        var anjiPerson = (await App.PersonIdInCountyAsync("330523")).ToString(CultureInfo.InvariantCulture);
        const string formPage = "/Entities/Create";

        Assert.Equal(HttpStatusCode.NotFound, (await anji.GetAsync($"/Entities/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anji.GetAsync($"/Entities/{id}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anji.PostFormAsync($"/Entities/{id}/Edit",
            Fields("越权修改", NewCreditCode(), int.Parse(anjiPerson, CultureInfo.InvariantCulture)), formPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anji.PostFormAsync($"/Entities/{id}/Edit?handler=FindPeople", new() { ["Who"] = "张" }, formPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anji.PostFormAsync($"/Entities/{id}?handler=Move", new() { ["to"] = "Submitted" }, formPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anji.PostFormAsync($"/Entities/{id}?handler=Link", new() { ["personId"] = anjiPerson, ["role"] = "Member" }, formPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anji.PostFormAsync($"/Entities/{id}?handler=Unlink", new() { ["memberId"] = member.ToString(CultureInfo.InvariantCulture) }, formPage)).StatusCode);

        var entity = await App.LoadAsync(id);
        Assert.Equal(EntityStatus.Draft, entity.Status);
        Assert.Single(entity.People);
        Assert.DoesNotContain("越权", entity.Name);
    }

    [Fact]
    public async Task CityOfficer_SeesEveryCountysEntity()
    {
        var id = await WuxingEntityAsync();
        var city = await App.LoginAsync("city.officer");

        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/Entities/{id}")).StatusCode);
    }

    [Fact]
    public async Task CountyUser_CannotPickAPersonOrVillageOfAnotherCounty()
    {
        var anji = await App.LoginAsync("anji.clerk");
        var fields = Fields(NewName(), NewCreditCode(), await App.PersonIdInCountyAsync("330502"), village: Xishancun);

        var response = await anji.PostFormAsync("/Entities/Create", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请从本辖区人才库中选择人员", html);
        Assert.Contains("请选择本辖区内的村（社区）", html);
    }

    /// <summary>rev37c: a link posted without a role, or with one that is none of the four, linked the person as 负责人 (the enum's first value).</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("99")]
    [InlineData("Chairman")]
    public async Task A_link_without_a_valid_role_links_nobody_and_asks_for_the_role(string? role)
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        var leader = (await App.LoadAsync(id)).LegalRepresentativeId;
        var other = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.CountyCode == "330523000000" && p.Id != leader).Select(p => p.Id).FirstAsync());
        var link = new Dictionary<string, string> { ["personId"] = other.ToString(CultureInfo.InvariantCulture) };
        if (role is not null) link["role"] = role;

        var response = await clerk.PostFormAsync($"/Entities/{id}?handler=Link", link, $"/Entities/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请选择角色", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await App.LoadAsync(id)).People, m => m.PersonId == other);
    }

    [Fact]
    public async Task People_AreLinkedAndUnlinkedWithARole_OnlyFromTheUsersCounty()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        var leader = (await App.LoadAsync(id)).LegalRepresentativeId;
        var other = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.CountyCode == "330523000000" && p.Id != leader).Select(p => p.Id).FirstAsync());
        var link = new Dictionary<string, string> { ["personId"] = other.ToString(CultureInfo.InvariantCulture), ["role"] = "Employee" };

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync($"/Entities/{id}?handler=Link", new(link), $"/Entities/{id}")).StatusCode);
        var twice = await clerk.PostFormAsync($"/Entities/{id}?handler=Link", new(link), $"/Entities/{id}");
        Assert.Contains("该人员已以此角色关联", await twice.Content.ReadAsStringAsync());
        var wuxingPerson = await App.PersonIdInCountyAsync("330502");
        var outside = await clerk.PostFormAsync($"/Entities/{id}?handler=Link",
            new() { ["personId"] = wuxingPerson.ToString(CultureInfo.InvariantCulture), ["role"] = "Member" }, $"/Entities/{id}");
        Assert.Contains("请从本辖区人才库中选择人员", await outside.Content.ReadAsStringAsync());

        var entity = await App.LoadAsync(id);
        Assert.Equal(2, entity.People.Count);
        var employee = entity.People.Single(m => m.PersonId == other && m.Role == MemberRole.Employee);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync($"/Entities/{id}?handler=Unlink",
            new() { ["memberId"] = employee.Id.ToString(CultureInfo.InvariantCulture) }, $"/Entities/{id}")).StatusCode);
        // rev35b: the same removal posted again (a double click, a second tab) was a 404 page; it says the person is no longer linked.
        var again = await clerk.PostFormAsync($"/Entities/{id}?handler=Unlink",
            new() { ["memberId"] = employee.Id.ToString(CultureInfo.InvariantCulture) }, $"/Entities/{id}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("此人员已不在关联人员中。", await clerk.GetStringAsync(again.Headers.Location!.OriginalString));
        var leaderRow = entity.People.Single(m => m.Role == MemberRole.Leader);
        var kept = await clerk.PostFormAsync($"/Entities/{id}?handler=Unlink",
            new() { ["memberId"] = leaderRow.Id.ToString(CultureInfo.InvariantCulture) }, $"/Entities/{id}");
        Assert.Contains("法定代表人的负责人身份不能移除", await kept.Content.ReadAsStringAsync());
        Assert.Equal([MemberRole.Leader], (await App.LoadAsync(id)).People.Select(m => m.Role));
    }
}
