using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Builders;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Training.My;

/// <summary>
/// rev37a: PRODUCT §1 gives the farmer a self-service profile, but no page showed a farmer their own record or let them
/// keep anything of it up to date (/My/Profile was a 404; "my account" held only password and two-factor).
/// </summary>
public sealed partial class ProfileTests(TalentHubFactory app) : AppTest(app)
{
    private const string Url = "/My/Profile";

    [Fact]
    public async Task AFarmer_SeesTheirOwnRecordMasked_AndUpdatesIndustryAndSkills_ButNotTheFieldsStaffKeep()
    {
        var mobile = (await App.FarmersAsync(1))[0];
        var (personId, _) = await App.FarmerPersonAsync(mobile);
        var client = await App.LoginAsync(mobile, "bamboo hills and white tea");
        var name = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Id == personId).Select(p => p.Name).SingleAsync());

        var page = await client.GetStringAsync(Url);
        var english = await client.GetStringAsync(Url + "?culture=en");
        var account = await client.GetStringAsync("/Identity/Account/Manage");
        var home = await client.GetStringAsync("/");
        var saved = await client.PostFormAsync(Url, new()
        {
            ["Input.Industry"] = "白茶种植", ["Input.Skills"] = "茶叶炒制，直播带货", ["Input.Version"] = VersionOf(page),
            ["Input.Name"] = "冒名顶替", ["Name"] = "冒名顶替", ["Input.Education"] = "Postgraduate",
        });

        Assert.Contains(name, page);
        Assert.Contains("137****", page);
        Assert.Matches(@"id=""profile-id"">330523\*+\d{3}[\dX]<", page);
        Assert.Contains("My details", english);
        Assert.Contains("href=\"/My/Profile\"", account);
        Assert.Contains("href=\"/My/Profile\"", home);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var person = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).SingleAsync(p => p.Id == personId));
        Assert.Equal(("白茶种植", "茶叶炒制，直播带货", name, (Web.Domain.People.EducationLevel?)null),
            (person.Industry, person.Skills, person.Name, person.Education));
        Assert.Contains("Your details are saved.", await client.GetStringAsync(Url));  // the English tab above set the culture
    }

    [Fact]
    public async Task AnEditFromAnOlderTab_IsRefused_AndKeepsWhatTheNewerOneSaved()
    {
        var mobile = (await App.FarmersAsync(1))[0];
        var (personId, _) = await App.FarmerPersonAsync(mobile);
        var client = await App.LoginAsync(mobile, "bamboo hills and white tea");
        var version = VersionOf(await client.GetStringAsync(Url));

        var first = await client.PostFormAsync(Url, new() { ["Input.Skills"] = "嫁接", ["Input.Version"] = version });
        var stale = await client.PostFormAsync(Url, new() { ["Input.Skills"] = "修剪", ["Input.Version"] = version });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("数据已被他人修改", await stale.Content.ReadAsStringAsync());
        Assert.Equal("嫁接", await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.Id == personId).Select(p => p.Skills).SingleAsync()));
    }

    [Fact]
    public async Task StaffHaveNoProfileHere()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var refused = await clerk.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location!.OriginalString);
    }

    private static string VersionOf(string html) => VersionPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
