namespace TalentHub.IntegrationTests.Pages.People;

public sealed class RegionScopeTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523";
    private const string Wuxing = "330502";

    [Fact]
    public async Task CountyOfficer_AskingForAnotherCountysPerson_Gets404()
    {
        var client = await App.LoginAsync("anji.officer");
        var wuxingPerson = await App.PersonIdInCountyAsync(Wuxing);

        var response = await client.GetAsync($"/People/{wuxingPerson}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CountyOfficer_AskingForTheirOwnCountysPerson_SeesTheMaskedRecord()
    {
        var client = await App.LoginAsync("anji.officer");
        var anjiPerson = await App.PersonIdInCountyAsync(Anji);

        var response = await client.GetAsync($"/People/{anjiPerson}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"330523\*{8}\d{3}[\dX]", html);
    }

    [Fact]
    public async Task CityOfficer_SeesPeopleOfEveryCounty()
    {
        var client = await App.LoginAsync("city.officer");

        foreach (var county in new[] { Anji, Wuxing })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/People/{await App.PersonIdInCountyAsync(county)}")).StatusCode);
    }

    [Fact]
    public async Task CountyList_ShowsOnlyTheirCounty()
    {
        var client = await App.LoginAsync("wuxing.officer");

        var html = await client.GetStringAsync("/People");

        Assert.Matches(@"330502\*{8}", html);
        Assert.DoesNotMatch(@"330523\*{8}", html);
    }

    [Fact]
    public async Task Farmer_OnTheRegistry_IsRefused()
    {
        var client = await App.LoginAsync("13800000003");

        var response = await client.GetAsync("/People");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }
}
