using System.Net;
using System.Text.RegularExpressions;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Training.Programs;

/// <summary>Issue 10: /Programs sorts (names by pinyin), pages and explains its units.</summary>
public sealed partial class ProgramListTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Programs_SortedByName_AreInPinyinOrder_AndTheUnitsAreExplained()
    {
        await PinyinOrderSeed();
        var client = await App.LoginAsync("city.officer");

        var html = await client.GetStringAsync("/Programs?Sort=name");

        var names = NamePattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(names.Count >= 3);
        Assert.Equal(names.Order(Comparer<string>.Create(Pinyin.Compare)), names);
        Assert.Contains("id=\"programs-units\"", html);
        Assert.Contains("万元", html);
        var reversed = NamePattern().Matches(await client.GetStringAsync("/Programs?Sort=name&Desc=true")).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(reversed.OrderDescending(Comparer<string>.Create(Pinyin.Compare)), reversed);
    }

    private Task PinyinOrderSeed() => Support.PinyinOrder.ReadAsync(App);

    [GeneratedRegex("<a href=\"/Programs/\\d+/Edit\">([^<]+)</a>")]
    private static partial Regex NamePattern();
}
