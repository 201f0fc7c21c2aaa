using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>The outcomes pages the handlers redirect to keep their URLs (see <see cref="PageNameTests"/>).</summary>
public sealed class OutcomesPageNameTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("/Training/Courses/Sessions/Attendance", "/Courses/7/Sessions/9/Attendance")]
    [InlineData("/Training/Courses/Sessions/SignInSheet", "/Courses/7/Sessions/9/SignInSheet")]
    [InlineData("/Training/Courses/Outcomes", "/Courses/7/Outcomes")]
    [InlineData("/Training/Courses/Assessment", "/Courses/7/Assessment")]
    [InlineData("/Training/FollowUps/Index", "/FollowUps")]
    [InlineData("/Training/FollowUps/Record", "/FollowUps/7")]
    [InlineData("/Training/My/CheckIn", "/My/CheckIn")]
    public void EachRedirectTarget_KeepsItsUrl(string page, string url)
    {
        var links = App.Services.GetRequiredService<LinkGenerator>();
        // Values a page's route does not use become a query string; the path is what must stay.
        Assert.Equal(url, links.GetPathByPage(page, values: new { id = 7, sessionId = 9 })?.Split('?')[0]);
    }
}
