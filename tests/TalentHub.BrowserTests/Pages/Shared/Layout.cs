using Microsoft.Playwright;
using TalentHub.IntegrationTests.Support;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Shared;

/// <summary>The layout every page shares: sign-in, the user badge, the language switch, the menu and the flash message.</summary>
public sealed class Layout(IPage page)
{
    public ILocator CurrentUser => page.Locator("#current-user");
    public ILocator Nav => page.Locator("nav");
    public ILocator Flash => page.Locator("[role=status]");
    public ILocator MenuToggler => page.Locator(".navbar-toggler");

    /// <summary>
    /// Password, then (staff, farmers who opted in) the code <paramref name="authenticatorCode"/> gives, as from the phone app.
    /// Each submit waits for the whole page it leads to (a later GotoAsync must not cut the sign-in short).
    /// </summary>
    public async Task LoginAsync(string login, string password = FormClient.DemoPassword, Func<Task<string>>? authenticatorCode = null)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_Login", login);
        await page.FillAsync("#Input_Password", password);
        await page.FollowAsync(() => page.ClickAsync("#login-form button[type=submit]"), _ => true);
        if (await page.Locator("#two-factor-form").CountAsync() > 0)
        {
            if (authenticatorCode is null) throw new InvalidOperationException($"{login} needs an authenticator code");
            await page.FillAsync("#Code", await authenticatorCode());
            await page.FollowAsync(() => page.ClickAsync("#two-factor-form button[type=submit]"), _ => true);
        }
        if (await CurrentUser.CountAsync() == 0)
            throw new InvalidOperationException($"{login} is not signed in: the sign-in led to {page.Url}");
    }

    /// <summary>Signs out and waits for the page the sign-out leads to.</summary>
    public async Task LogoutAsync()
    {
        await page.FollowAsync(() => page.ClickAsync("header form[action='/Identity/Account/Logout'] button"), _ => true);
        if (await CurrentUser.CountAsync() > 0) throw new InvalidOperationException("still signed in after signing out");
    }

    /// <summary>Switches the language and waits for the page in <paramref name="culture"/> ("en", "zh-CN").</summary>
    public async Task SwitchLanguageAsync(string culture)
    {
        await page.FollowAsync(() => page.ClickAsync("#culture-switch"), _ => true);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
    }

    public Task<string?> LanguageAsync() => page.GetAttributeAsync("html", "lang");

    /// <summary>Follows the menu entry labelled <paramref name="label"/> and waits for <paramref name="urlGlob"/>.</summary>
    public async Task OpenMenuAsync(string label, string urlGlob)
    {
        await page.ClickAndFollowAsync($"nav >> text={label}", urlGlob);
    }

    /// <summary>The page's full width in CSS pixels (a phone layout must not scroll sideways).</summary>
    public Task<int> ScrollWidthAsync() => page.EvaluateAsync<int>("document.documentElement.scrollWidth");
}
