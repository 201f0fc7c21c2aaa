namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>Pages grouped under an area folder (Pages/Training, Pages/Notifications) answer at the URLs they always had, and only there.</summary>
public sealed class PageUrlsTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("/Courses")]
    [InlineData("/Courses/Index")]
    [InlineData("/Courses/Create")]
    [InlineData("/Courses/Calendar")]
    [InlineData("/Programs")]
    [InlineData("/Programs/Index")]
    [InlineData("/Programs/Create")]
    [InlineData("/Catalog")]
    [InlineData("/Catalog/Index")]
    public async Task Staff_pages_of_the_training_area_keep_their_urls(string url)
    {
        var client = await App.LoginAsync("admin");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_courses_pages_keep_their_urls()
    {
        var id = await App.CreateOpenCourseAsync();
        var client = await App.LoginAsync("admin");

        foreach (var url in new[] { $"/Courses/{id}", $"/Courses/{id}/Edit", $"/Courses/{id}/Roster", $"/Courses/{id}/Roster/Import", $"/Catalog/{id}" })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
    }

    [Theory]
    [InlineData("/My/Enrollments")]
    [InlineData("/My/Messages")]
    public async Task A_farmers_own_pages_keep_their_urls(string url)
    {
        var client = await App.LoginAsync("13800000001");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_catalog_stays_open_to_visitors() =>
        Assert.Equal(HttpStatusCode.OK, (await App.NewClient().GetAsync("/Catalog")).StatusCode);

    [Theory]
    [InlineData("/Training/Courses")]
    [InlineData("/Training/Programs/Index")]
    [InlineData("/Training/Catalog")]
    [InlineData("/Training/My/Enrollments")]
    [InlineData("/Notifications/Messages")]
    public async Task The_area_folder_is_not_part_of_any_url(string url)
    {
        var client = await App.LoginAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }
}
