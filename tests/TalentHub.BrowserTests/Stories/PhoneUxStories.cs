using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Domain.Training;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Pages.Training;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

/// <summary>Issue 10: a farmer and a trainer on a 360×740 phone; confirmations; contrast and tap sizes (axe-core).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneUxStories(BrowserApp app)
{
    [Fact]
    public async Task Farmer_OnAPhone_SeesTheCoursesTheyMayJoinFirst_AndWhyNotForTheOthers()
    {
        var page = await app.NewPageAsync(360, 740);
        var catalog = new CatalogPage(page);
        await new Layout(page).LoginAsync("13800000001");

        await page.GotoAsync("/Catalog");
        var eligibleOnly = await catalog.EligibilityInOrderAsync();
        Assert.NotEmpty(eligibleOnly);
        Assert.All(eligibleOnly, e => Assert.Equal("true", e));
        Assert.Equal(0, await catalog.Reasons.CountAsync());

        await catalog.ToggleAllAsync();
        var all = await catalog.EligibilityInOrderAsync();
        Assert.Contains("false", all);
        // Eligible first: no "true" after the first "false".
        Assert.DoesNotContain("true", all.SkipWhile(e => e == "true"));
        Assert.True(await catalog.Reasons.CountAsync() > 0);
        Assert.Contains("指定县", string.Join(" ", await catalog.Reasons.AllInnerTextsAsync()));
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360);
        await BrowserApp.ScreenshotAsync(page, "farmer-catalog-all-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Trainer_OnAPhone_ReadsTheRosterWithoutScrollingSideways()
    {
        var page = await app.NewPageAsync(360, 740);
        var layout = new Layout(page);
        var courses = new CoursesPage(page);
        await layout.LoginAsync("trainer.wang", authenticatorCode: app.CodeFor("trainer.wang"));

        await page.GotoAsync("/Courses");
        Assert.True(await layout.ScrollWidthAsync() <= 360, "course list scrolls sideways");
        var links = await courses.CourseLinks.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var found = false;
        foreach (var link in links.Distinct())
        {
            await page.GotoAsync(link + "/Roster");
            if (found = await page.Locator("#roster-participants tbody tr").CountAsync() > 0) break;
        }
        Assert.True(found, "no roster of this trainer has participants");
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var width = await layout.ScrollWidthAsync();
        Assert.True(width <= 360, $"roster is {width}px wide on a 360px phone");
        // No table scrolls inside its box either.
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.table-responsive')].filter(b => b.scrollWidth > b.clientWidth + 1).length"));
        await BrowserApp.ScreenshotAsync(page, "trainer-roster-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Farmer_CancellingAPlace_IsAskedFirst_AndKeepsThePlaceWhenTheyDecline()
    {
        var page = await app.NewPageAsync(360, 740);
        var catalog = new CatalogPage(page);
        var mine = new MyEnrollmentsPage(page);
        await new Layout(page).LoginAsync("13800000001");

        await page.GotoAsync("/Catalog");
        string? title = null;
        foreach (var link in await catalog.CoursesWithSeatsAsync())
            if ((title = await catalog.OpenIfEnrollableAsync(link)) is not null) break;
        Assert.NotNull(title);
        await catalog.EnrollAsync();

        var question = await mine.CancelButKeepAsync(title);
        Assert.Contains(title, question);
        await page.ReloadAsync();
        await Expect(mine.Enrollment(title)).ToHaveCountAsync(1);

        await mine.CancelAsync(title);
        await Expect(mine.Enrollment(title)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// mobile30, staff on a 360 px phone: a trainee of the roll call is one compact row with the four marks side by side,
    /// each still a 40 px target; a person saved without a village gets the site's message next to the picker (not the
    /// browser's bubble in the browser's language); the dashboard's charts take their narrow options (short county names,
    /// legends that wrap instead of paging, the target line labelled, the map's scale laid across the bottom).
    /// </summary>
    [Fact]
    public async Task Staff_OnAPhone_CallTheRollCompactly_MissAVillageInTheirLanguage_AndReadTheChartsNarrow()
    {
        var course = await app.QueryAsync(db => db.Enrollments.Where(e => e.Status == EnrollmentStatus.Confirmed)
            .Join(db.Courses.Where(c => c.CountyCode == "330523000000" && c.Sessions.Count > 0), e => e.CourseId, c => c.Id, (e, c) => c.Id)
            .GroupBy(id => id).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var session = await app.QueryAsync(db => db.CourseSessions.Where(s => s.CourseId == course).OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync());
        var page = await app.NewPageAsync(360, 740);
        await app.LoginAsync(page, "anji.clerk");
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await page.GotoAsync($"/Courses/{course}/Sessions/{session}/Attendance?culture={culture}");
            var rows = page.Locator("#roll tbody tr");
            Assert.True(await rows.CountAsync() > 0);
            var heights = await rows.EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().height)");
            Assert.True(heights.Max() < 120, $"a roll row is {heights.Max()}px high at 360px ({culture})");
            // The four marks on one line, each at least 40 px high and wide enough to tap.
            var marks = await page.Locator("#roll tbody tr").First.Locator("label.btn").EvaluateAllAsync<double[][]>(
                "ls => ls.map(l => { const r = l.getBoundingClientRect(); return [r.top, r.height, r.width]; })");
            Assert.Equal(4, marks.Length);
            Assert.Single(marks.Select(m => Math.Round(m[0])).Distinct());
            Assert.All(marks, m => Assert.True(m[1] >= 40 && m[2] >= 40, $"a mark is {m[2]}×{m[1]}px ({culture})"));
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, $"the roll scrolls sideways ({culture})");
            // "Who marked it" shows under a marked trainee and hides under an unmarked one. Razor writes data-none="" (not no
            // attribute) for a marked row, which a bare [data-none] selector hid as well (review30).
            var display = await page.EvaluateAsync<string[]>(@"() => { const td = document.querySelector('#roll tbody tr .roll-source');
                const was = td.getAttribute('data-none'); const shown = v => { td.setAttribute('data-none', v); return getComputedStyle(td).display; };
                const r = [shown(''), shown('true')]; td.setAttribute('data-none', was); return r; }");
            Assert.NotEqual("none", display[0]);
            Assert.Equal("none", display[1]);
            await BrowserApp.ScreenshotAsync(page, $"clerk-roll-call-phone-{culture}");
        }

        foreach (var (culture, message) in new[] { ("zh-CN", "请选择所在村（社区）。"), ("en", "Please choose: Village.") })
        {
            await page.GotoAsync($"/People/Create?culture={culture}");
            await page.FillAsync("#Input_Name", "无村" + Guid.NewGuid().ToString("N")[..6]);
            await page.ClickAsync("#person-form button[type=submit]");
            // The site's message beside the picker, in the page's language (the browser's own bubble would have come alone);
            // the form is posted so the server's errors come with it (forms31), and nothing is created.
            await Expect(page.Locator("[data-valmsg-for='Input.RegionCode']")).ToHaveTextAsync(message);
            Assert.EndsWith("/People/Create?culture=" + culture, page.Url);
            await BrowserApp.ScreenshotAsync(page, $"clerk-person-no-village-phone-{culture}");
        }
        await page.Context.CloseAsync();

        var city = await app.NewPageAsync(360, 740);
        await app.LoginAsync(city, "city.officer");
        await city.GotoAsync("/Reports");
        foreach (var chart in new[] { "chart-map", "chart-progress", "chart-rates", "chart-satisfaction", "chart-talents" })
            await Expect(city.Locator($"#{chart}[data-narrow=true]")).ToHaveCountAsync(1);
        string Option(string chart, string path) => $"echarts.getInstanceByDom(document.getElementById('{chart}')).getOption().{path}";
        var counties = await city.EvaluateAsync<string[]>(Option("chart-rates", "xAxis[0].data"));
        Assert.Contains("安吉", counties);
        Assert.DoesNotContain(counties, c => c.EndsWith('县') || c.EndsWith('区'));
        Assert.Equal("plain", await city.EvaluateAsync<string>(Option("chart-talents", "legend[0].type")));
        // The trend's legend has its own rows above the grid, not drawn over the lines (review30).
        Assert.Equal("plain", await city.EvaluateAsync<string>(Option("chart-trend", "legend[0].type")));
        Assert.Equal(0, await city.EvaluateAsync<double>(Option("chart-trend", "legend[0].top")));
        Assert.True(await city.EvaluateAsync<double>(Option("chart-trend", "grid[0].top")) >= 34, "the trend's grid leaves no room for its legend");
        Assert.StartsWith("目标 ", await city.EvaluateAsync<string>(Option("chart-satisfaction", "series[0].markLine.label.formatter")));
        Assert.Equal("horizontal", await city.EvaluateAsync<string>(Option("chart-map", "visualMap[0].orient")));
        Assert.True(await city.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "the dashboard scrolls sideways");
        await BrowserApp.ScreenshotAsync(city, "city-dashboard-phone");
        foreach (var chart in new[] { "chart-map", "chart-progress", "chart-rates", "chart-satisfaction", "chart-talents", "chart-followups", "chart-trend" })
            await city.Locator($"#{chart}").ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ResultsDirectory, $"city-dashboard-phone-{chart}.png") });
        await city.GotoAsync("/Reports?culture=en");
        await Expect(city.Locator("#chart-satisfaction[data-narrow=true]")).ToHaveCountAsync(1);
        Assert.StartsWith("Target ", await city.EvaluateAsync<string>(Option("chart-satisfaction", "series[0].markLine.label.formatter")));
        // English short names may not stand side by side: the chart then runs them down the left (reports31).
        Assert.Contains("Anji", await city.EvaluateAsync<string[]>(
            "[...echarts.getInstanceByDom(document.getElementById('chart-rates')).getOption().xAxis, ...echarts.getInstanceByDom(document.getElementById('chart-rates')).getOption().yAxis].find(a => a.type === 'category').data"));
        await BrowserApp.ScreenshotAsync(city, "city-dashboard-phone-en");
        // Turned to a desktop width the charts take the wide options again (the target line still labelled).
        await city.SetViewportSizeAsync(1280, 900);
        await Expect(city.Locator("#chart-satisfaction[data-narrow=false]")).ToHaveCountAsync(1);
        Assert.Equal("vertical", await city.EvaluateAsync<string>(Option("chart-map", "visualMap[0].orient")));
        Assert.StartsWith("Target ", await city.EvaluateAsync<string>(Option("chart-satisfaction", "series[0].markLine.label.formatter")));
        foreach (var chart in new[] { "chart-map", "chart-progress", "chart-satisfaction", "chart-talents" })
            await city.Locator($"#{chart}").ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ResultsDirectory, $"city-dashboard-desktop-{chart}.png") });
        await city.Context.CloseAsync();
    }

    /// <summary>
    /// fix35c: on a phone the course-title links of the farmer's lists (My enrollments, My certificates) and of the stacked
    /// staff tables (the course list) were about 23 px high beside 44 px buttons; the survey and certificate links were made
    /// tap targets (review34c), the titles were not. Every such link is at least 44 px high at 360 px.
    /// </summary>
    [Fact]
    public async Task PhoneLists_CourseTitleLinks_AreAtLeast44pxHigh()
    {
        var farmer = await app.NewPageAsync(360, 740);
        await new Layout(farmer).LoginAsync("13800000006"); // the demo farmer with completed places and two certificates (README)
        await AssertTapHeightsAsync(farmer, "/My/Enrollments", "#my-enrollments .card-title a, #my-enrollments-history a[href^='/Catalog/']");
        await AssertTapHeightsAsync(farmer, "/My/Certificates", "#certificates a");
        await farmer.Context.CloseAsync();

        var trainer = await app.NewPageAsync(360, 740);
        await new Layout(trainer).LoginAsync("trainer.wang", authenticatorCode: app.CodeFor("trainer.wang"));
        await AssertTapHeightsAsync(trainer, "/Courses", "main table tbody tr a[href^='/Courses/']");
        await trainer.Context.CloseAsync();
    }

    private static async Task AssertTapHeightsAsync(Microsoft.Playwright.IPage page, string path, string links)
    {
        await page.GotoAsync(path);
        var heights = await page.Locator(links).EvaluateAllAsync<double[]>("ls => ls.map(l => l.getBoundingClientRect().height)");
        Assert.True(heights.Length > 0, $"no links '{links}' on {path}");
        Assert.True(heights.Min() >= 44, $"a link on {path} is {heights.Min()}px high at 360px");
    }

    [Theory]
    [InlineData("/Identity/Account/Login", false)]
    [InlineData("/", true)]
    [InlineData("/Catalog", true)]
    [InlineData("/Catalog?All=true", true)]
    [InlineData("/My/Enrollments", true)]
    [InlineData("/My/Messages", true)]
    public async Task FarmerPages_PassAxeContrastAndTargetSize(string path, bool signedIn)
    {
        var page = await app.NewPageAsync(360, 740, bypassCsp: true);
        if (signedIn) await new Layout(page).LoginAsync("13800000001");
        await page.GotoAsync(path);
        var violations = await Axe.RunAsync(page, "color-contrast", "target-size");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }
}
