using Microsoft.Playwright;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>The public course catalog (/Catalog), a course's page in it, and enrolling.</summary>
public sealed class CatalogPage(IPage page)
{
    public async Task FilterByCountyAsync(string county)
    {
        await page.GotoAsync("/Catalog");
        await page.SelectOptionAsync("#County", county);
        await page.ClickAsync("form[method=get] button[type=submit]");
        await page.WaitForURLAsync($"**/Catalog?County={county}**");
    }

    /// <summary>Links of the listed courses that still have seats.</summary>
    public Task<string[]> CoursesWithSeatsAsync() =>
        page.Locator(".course-card").Filter(new() { Has = page.Locator(".badge.text-bg-success") })
            .EvaluateAllAsync<string[]>("cards => cards.map(c => c.getAttribute('href'))");

    /// <summary>Opens <paramref name="link"/>; its title when this user may enroll, else null.</summary>
    public async Task<string?> OpenIfEnrollableAsync(string link)
    {
        await page.GotoAsync(link);
        if (await page.Locator("#enroll").CountAsync() == 0) return null;
        return (await page.InnerTextAsync("h1")).Trim();
    }

    /// <summary>Enrolls and lands on the farmer's enrollments (/My/Enrollments).</summary>
    public async Task EnrollAsync()
    {
        await page.ClickAsync("#enroll");
        await page.WaitForURLAsync("**/My/Enrollments");
    }
}
