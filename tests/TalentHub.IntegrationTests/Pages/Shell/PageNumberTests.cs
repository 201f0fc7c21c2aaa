using System.Text.RegularExpressions;
using TalentHub.Web.Infrastructure;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// The <c>page</c> query value of every HTML list goes through one binder (<see cref="PageNumberBinder"/>): a number
/// beyond 32 bits shows the last page like <c>2147483647</c> does (it showed page 1), full-width digits are read as the
/// number they spell, and zero, negative or non-numeric values show page 1.
/// </summary>
public sealed partial class PageNumberTests(TalentHubFactory app) : AppTest(app)
{
    public static TheoryData<string, string> Lists => new()
    {
        { "/People", "city.officer" },
        { "/Entities", "city.officer" },
        { "/Courses", "city.officer" },
        { "/Catalog", "13800000001" },
        { "/Programs", "city.officer" },
        { "/FollowUps", "city.officer" },
        { "/Admin/Audit", "admin" },
        { "/Admin/Users", "admin" },
        { "/Messages", "city.officer" },
        { "/My/Messages", "13800000001" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task EveryList_ReadsOverflowingAndFullWidthPageNumbersAsTheNumberTheySpell(string list, string user)
    {
        var client = await App.LoginAsync(user);
        var last = await PositionAsync(client, list, "2147483647");

        Assert.Equal(last, await PositionAsync(client, list, "99999999999"));
        Assert.Equal(last, await PositionAsync(client, list, "99999999999999999999"));
        Assert.Equal(1, (await PositionAsync(client, list, "-99999999999")).Page);
        Assert.Equal(1, (await PositionAsync(client, list, "abc")).Page);
        Assert.Equal(1, (await PositionAsync(client, list, "0")).Page);
        Assert.Equal(Math.Min(2, last.Pages), (await PositionAsync(client, list, "２")).Page);
    }

    [Fact]
    public async Task AListWithManyPages_ShowsItsLastPage_ForAPageNumberBeyond32Bits()
    {
        var client = await App.LoginAsync("admin");

        var position = await PositionAsync(client, "/Admin/Audit", "99999999999");

        Assert.True(position.Pages > 1, "the audit log should span pages");
        Assert.Equal(position.Pages, position.Page);
    }

    [Fact]
    public void EveryPageModel_BindsItsPageNumberThroughTheOneBinder()
    {
        var pageProperties = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties())
            .Where(p => p.Name == "PageNumber" || p.GetCustomAttributes(true).OfType<Microsoft.AspNetCore.Mvc.ModelBinding.IModelNameProvider>().Any(a => a.Name == "page"))
            .DistinctBy(p => (p.DeclaringType, p.Name))
            .ToList();

        Assert.True(pageProperties.Count >= 9, $"found only {pageProperties.Count} list pages");
        Assert.All(pageProperties, p => Assert.True(p.IsDefined(typeof(PageQueryAttribute), true), $"{p.DeclaringType!.Name}.{p.Name}"));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("7", 7)]
    [InlineData(" 7 ", 7)]
    [InlineData("007", 7)]
    [InlineData("+7", 7)]
    [InlineData("７", 7)]
    [InlineData("１２", 12)]
    [InlineData("－３", 1)]
    [InlineData("0", 1)]
    [InlineData("-5", 1)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("2147483648", int.MaxValue)]
    [InlineData("99999999999999999999999999", int.MaxValue)]
    [InlineData("-99999999999", 1)]
    [InlineData("abc", 1)]
    [InlineData("1e3", 1)]
    [InlineData("1.5", 1)]
    [InlineData("٣", 1)]
    [InlineData("+", 1)]
    public void Read_TurnsAnyQueryTextIntoAPageNumber(string? text, int expected) =>
        Assert.Equal(expected, PageNumberBinder.Read(text));

    private sealed record Position(int Page, int Pages);

    private static async Task<Position> PositionAsync(HttpClient client, string list, string page)
    {
        var response = await client.GetAsync($"{list}?page={Uri.EscapeDataString(page)}&culture=en");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{list}?page={page}: {(int)response.StatusCode}");
        var match = PagePosition().Match(html);
        return match.Success ? new(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : new(1, 1);
    }

    [GeneratedRegex(@"Page (\d+) of (\d+),")]
    private static partial Regex PagePosition();
}
