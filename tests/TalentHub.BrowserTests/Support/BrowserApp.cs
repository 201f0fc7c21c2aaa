using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.IntegrationTests.Support;

namespace TalentHub.BrowserTests.Support;

/// <summary>The app on a real loopback port and one headless Debian Chromium shared by the tests.</summary>
public sealed class BrowserApp : TalentHubFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string ResultsDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TalentHub.sln"))) dir = dir.Parent;
            return Directory.CreateDirectory(Path.Combine(dir?.FullName ?? Path.GetTempPath(), "TestResults", "browser")).FullName;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }

    /// <summary>
    /// How long an action, a wait or a web-first assertion may take, in milliseconds. CI runs on a shared, loaded 2-core
    /// machine where the first request to a page (JIT, EF model, Razor) and Chromium's own rendering can take many seconds;
    /// these only bound how long a broken test takes to fail, they never make a passing one slower.
    /// </summary>
    public const float ActionTimeout = 30_000;

    /// <summary>How long a navigation (<c>GotoAsync</c>, <c>ReloadAsync</c>) may take, in milliseconds.</summary>
    public const float NavigationTimeout = 60_000;

    public async Task InitializeAsync()
    {
        // Expect(...) retries until this (Playwright's default is 5 s: too short on a loaded CI machine).
        Assertions.SetDefaultExpectTimeout(ActionTimeout);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <param name="bypassCsp">Only for injecting a test tool such as axe-core as an inline script.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN", BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(NavigationTimeout);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in on <paramref name="page"/> through the login form (see <see cref="Layout.LoginAsync"/>), giving the
    /// authenticator code computed from the account's key when the account has two-factor (staff do).
    /// </summary>
    public Task LoginAsync(IPage page, string login, string password = FormClient.DemoPassword) =>
        new Layout(page).LoginAsync(login, password, CodeFor(login));

    /// <summary>The authenticator app of <paramref name="login"/>: the current code from the account's key.</summary>
    public Func<Task<string>> CodeFor(string login) => async () => Totp.Now(await this.AuthenticatorKeyAsync(login));

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ResultsDirectory, name + ".png"), FullPage = true });

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
