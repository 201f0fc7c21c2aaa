using Microsoft.Playwright;
using TalentHub.BrowserTests.Pages.Shared;
using TalentHub.BrowserTests.Support;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;

namespace TalentHub.BrowserTests.Stories;

/// <summary>
/// Review of issue 12 (perf5a/b): /People reads its page and total in one query and writes its pager and region selects
/// without the component renderer; the import writes pending people's name bigrams itself. In a real browser: hostile
/// page numbers and queries answer with the right page, total and selections, encoded; an imported person is found
/// by name fragments only after confirm, and never by another county.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PeopleListHostileStory(BrowserApp app)
{
    private const string Anji = "330523000000";
    private const string Township = "330523001000";

    private sealed record Seen(int Status, int Rows, string Pager, string Selects, string Links);

    private static async Task<Seen> OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        var pager = string.Join("|", await page.Locator(".pagination .page-item.disabled span, main p.small.text-muted").AllInnerTextsAsync());
        var selects = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('main select')).map(s => s.name + '=' + s.value).join(' ')");
        var links = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('.pagination a')).map(a => a.getAttribute('href'))");
        return new Seen(response!.Status, await page.Locator("table tbody tr").CountAsync(), pager, selects, string.Join(" ", links));
    }

    [Theory]
    [InlineData("anji.officer", 1280, "zh-CN")]
    [InlineData("city.officer", 360, "en")]
    public async Task HostilePageNumbersAndQueries_GiveTheRightPage_KeepTheFilters_AndAreEncoded(string login, int width, string culture)
    {
        var page = await app.NewPageAsync(width, 800);
        var layout = new Layout(page);
        await layout.LoginAsync(login, authenticatorCode: app.CodeFor(login));
        if (culture == "en")
        {
            await layout.MenuToggler.ClickAsync();
            await page.WaitForSelectorAsync("#main-nav.show");
            await layout.SwitchLanguageAsync("en");
        }
        var first = await OpenAsync(page, "/People");
        Assert.Equal(20, first.Rows);

        foreach (var url in new[] { "/People?page=0", "/People?page=-1", "/People?page=abc", "/People?Q=%E2%80%8B", "/People?Q=%20%20" })
        {
            var seen = await OpenAsync(page, url);
            Assert.Equal((200, 20, first.Pager), (seen.Status, seen.Rows, seen.Pager));
        }
        var last = await OpenAsync(page, "/People?page=99999");
        foreach (var url in new[] { "/People?page=2147483647", "/People?page=107374182", "/People?page=107374183" })
            Assert.Equal(last, await OpenAsync(page, url));
        Assert.Equal(200, last.Status);
        Assert.InRange(last.Rows, 1, 20);
        Assert.NotEqual(first.Pager, last.Pager);
        Assert.Equal("/People?page=1 /People?page=3", (await OpenAsync(page, "/People?page=2")).Links);

        var hostile = await OpenAsync(page, "/People?Q=%22%27%3Cscript%3Ealert(1)%3C%2Fscript%3E&Industry=%3Cb%3E&Sort=%3Ci%3E");
        Assert.Equal((200, 0), (hostile.Status, hostile.Rows));
        Assert.Equal("\"'<script>alert(1)</script>", await page.InputValueAsync("#f-q"));
        Assert.Equal(0, await page.Locator("main b, main i, main script").CountAsync());

        var filtered = await OpenAsync(page, $"/People?Township={Township}&Category=LocalTalent&page=2");
        Assert.Equal(200, filtered.Status);
        Assert.Contains($"Township={Township}", filtered.Selects);
        Assert.Contains("Category=LocalTalent", filtered.Selects);
        var category = await OpenAsync(page, "/People?Category=LocalTalent&page=2");
        Assert.StartsWith("/People?Category=LocalTalent&page=1 /People?Category=LocalTalent&page=", category.Links);
        if (login == "city.officer")
        {
            var county = await OpenAsync(page, $"/People?County={Anji}&Township={Township}");
            Assert.Contains($"County={Anji} Township={Township}", county.Selects);
        }

        // Fragments: one and two characters of a demo name, the full ID number in full-width digits, a zero-width space inside.
        var one = await OpenAsync(page, "/People?Q=覃");
        var two = await OpenAsync(page, "/People?Q=覃伟");
        Assert.True(one.Rows >= two.Rows && two.Rows == 1, $"覃: {one.Rows}, 覃伟: {two.Rows}");
        Assert.Equal(1, (await OpenAsync(page, "/People?Q=%E8%A6%83%E2%80%8B%E4%BC%9F")).Rows);
        Assert.Equal(1, (await OpenAsync(page, "/People?Q=" + Uri.EscapeDataString(FullWidth("33052319600822657X")))).Rows);
        Assert.True(await layout.ScrollWidthAsync() <= width);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnImportFromTheTemplate_IsFoundByNameFragmentsOnlyAfterConfirm_AndNeverByAnotherCounty()
    {
        var importer = await app.NewPageAsync();
        await new Layout(importer).LoginAsync("anji.officer", authenticatorCode: app.CodeFor("anji.officer"));
        var searcher = await app.NewPageAsync(360, 740);
        await new Layout(searcher).LoginAsync("anji.clerk", authenticatorCode: app.CodeFor("anji.clerk"));
        var wuxing = await app.NewPageAsync();
        await new Layout(wuxing).LoginAsync("wuxing.officer", authenticatorCode: app.CodeFor("wuxing.officer"));
        var (a, b, c) = RareCharacters();

        await UploadAsync(importer, [a + b + c, a + b]);
        Assert.Equal(0, (await OpenAsync(searcher, "/People?Q=" + a + b)).Rows);
        Assert.Equal(0, (await OpenAsync(searcher, "/People?Q=" + b)).Rows);
        await importer.ClickAndFollowAsync("#import-confirm", "**/People/Import**");

        Assert.Equal(2, (await OpenAsync(searcher, "/People?Q=" + a + b)).Rows);
        Assert.Equal(2, (await OpenAsync(searcher, "/People?Q=" + b)).Rows);
        Assert.Equal(1, (await OpenAsync(searcher, "/People?Q=" + b + c)).Rows);
        Assert.Equal(1, (await OpenAsync(searcher, "/People?Q=" + c)).Rows);
        Assert.Equal(0, (await OpenAsync(wuxing, "/People?Q=" + a + b)).Rows);
        Assert.Equal(0, (await OpenAsync(wuxing, "/People?Q=" + b)).Rows);

        // A second upload left at the preview (never confirmed) writes nobody.
        await UploadAsync(importer, [c + a + c, c + c + a]);
        Assert.Equal(0, (await OpenAsync(searcher, "/People?Q=" + c + a)).Rows);
        Assert.Equal(0, (await OpenAsync(searcher, "/People?Q=" + c + c)).Rows);
        await importer.Context.CloseAsync();
        await searcher.Context.CloseAsync();
        await wuxing.Context.CloseAsync();
    }

    /// <summary>Uploads an .xlsx built on the headers of the page's own template with one row per name, and waits for the preview.</summary>
    private async Task UploadAsync(IPage page, string[] names)
    {
        await page.GotoAsync("/People/Import");
        var template = await page.APIRequest.GetAsync(app.BaseUrl.TrimEnd('/') + "/People/Import?handler=Template&format=xlsx");
        var header = (IDictionary<string, object?>)MiniExcelLibs.MiniExcel.Query(new MemoryStream(await template.BodyAsync()), sheetName: "人才").First();
        var headers = header.Values.Select(v => v?.ToString() ?? "").ToList();
        string H(string part) => headers.First(h => h.Contains(part));
        var rows = names.Select(n => new Dictionary<string, object?>
        {
            [H("姓名")] = n, [H("身份证")] = IdNumber.Create("330523", new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 18000)), Random.Shared.Next(0, 1000), Sex.Male).Value,
            [H("手机")] = "139" + Random.Shared.Next(0, 100_000_000).ToString("D8"), [H("村")] = "330523108204", [H("人才类别")] = "高素质农民",
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows, sheetName: "人才");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "people.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = stream.ToArray() });
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.WaitForSelectorAsync("#import-confirm");
    }

    /// <summary>Three CJK characters no demo name or other test uses (the tail of CJK Extension A; the basic block's tail holds 龙 and 龚).</summary>
    private static (string, string, string) RareCharacters()
    {
        string Pick() => char.ConvertFromUtf32(0x4DB0 + Random.Shared.Next(0, 0x10));
        var a = Pick();
        string b, c;
        do b = Pick(); while (b == a);
        do c = Pick(); while (c == a || c == b);
        return (a, b, c);
    }

    private static string FullWidth(string ascii) => new(ascii.Select(ch => (char)(ch + 0xFEE0)).ToArray());
}
