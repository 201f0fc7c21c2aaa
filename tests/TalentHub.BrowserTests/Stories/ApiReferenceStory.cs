using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

/// <summary>
/// The API reference (vendored Scalar, no CDN) really draws in the browser for a city officer: its own
/// relaxed policy covers only <c>/api/reference</c>, every other page keeps the strict one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceStory(BrowserApp app)
{
    [Fact]
    public async Task CityOfficer_OpensTheApiReference_AndSeesTheEndpointsDrawn_WithNoPolicyViolation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };
        await app.LoginAsync(page, "city.officer");

        var response = await page.GotoAsync("/api/reference/");
        Assert.Contains("'unsafe-inline'", response!.Headers["content-security-policy"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TalentHub API", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("a[href='#tag/people']")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "api-reference");
        Assert.Empty(violations);

        var home = await page.GotoAsync("/");
        Assert.DoesNotContain("unsafe-inline", home!.Headers["content-security-policy"]);
        await page.Context.CloseAsync();
    }
}
