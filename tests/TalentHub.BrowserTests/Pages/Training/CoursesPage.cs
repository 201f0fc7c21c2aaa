using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>The staff course list (/Courses), a course's details and its roster.</summary>
public sealed class CoursesPage(IPage page)
{
    public ILocator CourseLinks => page.Locator("main table tbody tr a[href^='/Courses/']");

    public async Task OpenFirstCourseAsync()
    {
        await CourseLinks.First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Courses/\d+$"));
    }

    public async Task OpenRosterAsync()
    {
        await page.ClickAsync("a[href$='/Roster']");
        await page.WaitForURLAsync(new Regex(@"/Courses/\d+/Roster$"));
    }

    public Task<string> HeadingAsync() => page.InnerTextAsync("h1");
}
