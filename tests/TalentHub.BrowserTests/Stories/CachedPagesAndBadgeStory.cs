using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Support;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Domain.Notifications;

namespace TalentHub.BrowserTests.Stories;

/// <summary>
/// Review 5 (issue 12: anonymous catalog output-cached, unread badge written without components, localized strings
/// remembered): a farmer on a phone browses the cached catalog, switches language, signs in, reads their messages and
/// signs out; every page is theirs, in the language they chose, and the badge counts what is still unread.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CachedPagesAndBadgeStory(BrowserApp app)
{
    private Task AddUnreadAsync(int personId, int count) => app.QueryAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var notification = new Notification
            {
                Key = $"review5-badge-{personId}-{Guid.NewGuid():N}", PersonId = personId, Kind = NotificationKind.EnrollmentConfirmed,
                Subject = "白茶培训", CreatedAt = now, DeliveredAt = now,
            };
            db.Outbox.Add(notification);
            await db.SaveChangesAsync();
            db.Messages.Add(new Message { NotificationId = notification.Id, PersonId = personId, Kind = notification.Kind, Subject = "白茶培训", CreatedAt = now });
        }
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task Farmer_OnAPhone_CachedCatalog_SignInAndOut_LanguageSwitch_AndTheBadgeClearsOnReading()
    {
        var farmer = (await app.NewFarmersAsync(1))[0];
        await AddUnreadAsync(farmer.PersonId, 3);
        var page = await app.NewPageAsync(360, 740);
        var layout = new Layout(page);
        var badge = page.Locator("#unread-toggler");
        // On a phone the language switch and "log out" sit in the collapsed menu.
        async Task OpenMenuAsync()
        {
            await layout.MenuToggler.ClickAsync();
            await page.WaitForSelectorAsync("#main-nav.show");  // after Bootstrap's collapse transition
        }
        async Task SwitchAsync(string culture)
        {
            await OpenMenuAsync();
            await layout.SwitchLanguageAsync(culture);
        }

        // Anonymous, twice (the second answer may come from the output cache), then in English.
        await page.GotoAsync("/Catalog");
        await page.GotoAsync("/Catalog");
        await Expect(page.Locator("h1")).ToHaveTextAsync("培训课程");
        await SwitchAsync("en");
        await page.GotoAsync("/Catalog");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Training courses");
        await Expect(layout.CurrentUser).ToHaveCountAsync(0);

        // Signed in: the catalog is the farmer's own page (never the cached anonymous one), still in English, with the badge.
        await layout.LoginAsync(farmer.Mobile, OutcomesData.FarmerPassword);
        await page.GotoAsync("/Catalog");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(layout.CurrentUser).ToHaveCountAsync(1);
        await Expect(badge).ToHaveAttributeAsync("data-count", "3");
        await Expect(badge.Locator(".visually-hidden")).ToHaveTextAsync("3 unread messages");

        // Reading the messages clears the badge at once, and it stays cleared in Chinese.
        await page.GotoAsync("/My/Messages");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(badge).ToHaveCountAsync(0);
        await AddUnreadAsync(farmer.PersonId, 1);
        await SwitchAsync("zh-CN");
        await Expect(badge).ToHaveCountAsync(0);  // the messages page read the new one too
        await AddUnreadAsync(farmer.PersonId, 1);
        await page.GotoAsync("/Catalog");
        await Expect(page.Locator("h1")).ToHaveTextAsync("培训课程");
        await Expect(badge.Locator(".visually-hidden")).ToHaveTextAsync("1 条未读消息");
        await BrowserApp.ScreenshotAsync(page, "review5-farmer-catalog-badge-phone");

        // Signed out: the anonymous catalog in the chosen language, nobody's name or badge on it.
        await OpenMenuAsync();
        await layout.LogoutAsync();
        await page.GotoAsync("/Catalog");
        await Expect(page.Locator("h1")).ToHaveTextAsync("培训课程");
        await Expect(layout.CurrentUser).ToHaveCountAsync(0);
        await Expect(badge).ToHaveCountAsync(0);
        Assert.DoesNotContain("/Identity/Account/Logout", await page.ContentAsync());
        await page.Context.CloseAsync();
    }
}
