using System.Text.RegularExpressions;

namespace TalentHub.IntegrationTests.Pages.Shell;

public sealed partial class PagingTests(TalentHubFactory app) : AppTest(app)
{
    [Theory]
    [InlineData("/People", "/People/")]
    [InlineData("/Entities", "/Entities/")]
    public async Task SecondPage_ShowsOtherRowsThanTheFirst(string list, string rowLink)
    {
        var client = await App.LoginAsync("city.officer");

        var first = Links(await client.GetStringAsync(list), rowLink);
        var second = Links(await client.GetStringAsync(list + "?page=2"), rowLink);

        Assert.NotEmpty(first);
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
    }

    private static HashSet<string> Links(string html, string prefix) =>
        RowLink().Matches(html).Select(m => m.Groups[1].Value).Where(h => h.StartsWith(prefix, StringComparison.Ordinal)).ToHashSet();

    [GeneratedRegex("href=\"(/(?:People|Entities)/\\d+)\"")]
    private static partial Regex RowLink();
}
