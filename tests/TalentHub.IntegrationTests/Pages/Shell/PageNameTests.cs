using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// Redirects name pages, not URLs; this pins each page name the handlers redirect to to the URL it must keep,
/// so moving a page without its absolute route (or renaming it without updating the redirect) fails here.
/// </summary>
public sealed class PageNameTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("/Training/Courses/Details", 7, "/Courses/7")]
    [InlineData("/Training/Courses/Roster", 7, "/Courses/7/Roster")]
    [InlineData("/People/Details", 7, "/People/7")]
    [InlineData("/Entities/Details", 7, "/Entities/7")]
    [InlineData("/Admin/Users/Edit", 7, "/Admin/Users/Edit/7")]
    [InlineData("/Admin/Users/Index", null, "/Admin/Users")]
    [InlineData("/Training/Programs/Index", null, "/Programs")]
    [InlineData("/Training/My/Enrollments", null, "/My/Enrollments")]
    public void EachRedirectTarget_KeepsItsUrl(string page, int? id, string url)
    {
        var links = App.Services.GetRequiredService<LinkGenerator>();
        Assert.Equal(url, links.GetPathByPage(page, values: id is null ? null : new { id }));
    }
}
