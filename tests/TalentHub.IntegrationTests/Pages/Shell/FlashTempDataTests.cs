using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// Issue 12 (perf38): the layout reads the flash message only when the request brings the TempData cookie, signed in or
/// not. Before, every signed-in page loaded TempData (an empty dictionary, and saved it again as the response
/// started) although every message is set before a redirect and so arrives in that cookie. The flash itself still shows.
/// </summary>
public sealed class FlashTempDataTests(FlashTempDataTests.CountingFactory app) : IClassFixture<FlashTempDataTests.CountingFactory>
{
    [Fact]
    public async Task SignedInPage_WithoutTheTempDataCookie_DoesNotLoadTempData()
    {
        var officer = await app.LoginAsync("anji.officer");
        app.Counter.Loads = 0;

        var page = await officer.GetStringAsync("/People");

        Assert.Contains("id=\"f-q\"", page);
        Assert.Equal(0, app.Counter.Loads);
    }

    [Fact]
    public async Task Flash_SetBeforeARedirect_StillShows_SignedIn()
    {
        var admin = await app.LoginAsync("admin");

        var paused = await admin.PostFormAsync("/Admin/Jobs?handler=Pause", new() { ["name"] = "DispatchReport" }, formPage: "/Admin/Jobs");
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        app.Counter.Loads = 0;
        var page = await admin.GetStringAsync(paused.Headers.Location!.ToString());

        Assert.Contains("已暂停任务“月度调度通报（每月1日）”。", page);
        Assert.True(app.Counter.Loads > 0);
        // Shown once: the next page has no message.
        Assert.DoesNotContain("已暂停任务", await admin.GetStringAsync("/Admin/Jobs"));
        await admin.PostFormAsync("/Admin/Jobs?handler=Resume", new() { ["name"] = "DispatchReport" }, formPage: "/Admin/Jobs");
    }

    /// <summary>The app with its TempData provider counting loads.</summary>
    public sealed class CountingFactory : TalentHubFactory
    {
        public CountingTempDataProvider Counter { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<ITempDataProvider>(sp =>
            {
                Counter.Inner = ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp);
                return Counter;
            }));
        }
    }

    /// <summary>The app's cookie TempData provider, counting <see cref="LoadTempData"/> calls.</summary>
    public sealed class CountingTempDataProvider : ITempDataProvider
    {
        private int _loads;
        public ITempDataProvider Inner { get; set; } = null!;
        public int Loads { get => Volatile.Read(ref _loads); set => Volatile.Write(ref _loads, value); }

        public IDictionary<string, object> LoadTempData(HttpContext context)
        {
            Interlocked.Increment(ref _loads);
            return Inner.LoadTempData(context);
        }

        public void SaveTempData(HttpContext context, IDictionary<string, object> values) => Inner.SaveTempData(context, values);
    }
}
