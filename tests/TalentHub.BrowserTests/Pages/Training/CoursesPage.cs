using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>The staff course list (/Courses), a course's details and its roster.</summary>
public sealed class CoursesPage(IPage page)
{
    public ILocator CourseLinks => page.Locator("main table tbody tr a[href^='/Courses/']");

    public async Task OpenFirstCourseAsync()
    {
        await page.FollowAsync(() => CourseLinks.First.ClickAsync(), new Regex(@"/Courses/\d+$"));
    }

    public async Task OpenRosterAsync()
    {
        await page.FollowAsync(() => page.ClickAsync("a[href$='/Roster']"), new Regex(@"/Courses/\d+/Roster$"));
    }

    public Task<string> HeadingAsync() => page.InnerTextAsync("h1");
}
