using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Training;

/// <summary>The public course catalog (/Catalog), a course's page in it, and enrolling.</summary>
public sealed class CatalogPage(IPage page)
{
    public async Task FilterByCountyAsync(string county)
    {
        await page.GotoAsync("/Catalog");
        await page.SelectOptionAsync("#County", county);
        await page.ClickAndFollowAsync("form[method=get] button[type=submit]", $"**/Catalog?County={county}**");
    }

    /// <summary>The cards in page order with whether each says this farmer may join ("true"/"false"; "" when anonymous).</summary>
    public Task<string[]> EligibilityInOrderAsync() =>
        page.Locator(".course-card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.eligible)");

    /// <summary>The reasons listed on the cards a farmer may not join.</summary>
    public ILocator Reasons => page.Locator(".course-card[data-eligible=false] .refusals li");

    /// <summary>Flips the "only courses I may join" / "show all" switch.</summary>
    public async Task ToggleAllAsync()
    {
        var before = page.Url;
        await page.FollowAsync(() => page.ClickAsync("#catalog-switch"), u => u != before);
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
        await page.ClickAndFollowAsync("#enroll", "**/My/Enrollments");
    }
}
