namespace TalentHub.IntegrationTests.Pages.Admin;

public sealed class AdminAccessTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("13800000002")]
    [InlineData("anji.officer")]
    [InlineData("city.officer")]
    public async Task NonAdmin_OnAdminPages_IsDenied(string login)
    {
        var client = await App.LoginAsync(login);

        var response = await client.GetAsync("/Admin/Jobs");
        var denied = await client.GetAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("没有访问权限", await denied.Content.ReadAsStringAsync());
    }
}
