using TalentHub.IntegrationTests.Support;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// The registry search's page and total read in one query (issue 12, perf5a), checked the same way on SQLite and
/// PostgreSQL: a county user's search lists and counts only their county, pages clamp as before, and another county's
/// person stays a 404; the city officer sees and counts both counties.
/// </summary>
public static class PeopleSearchScope
{
    public static async Task Search_pages_and_totals_stay_within_the_users_county(TalentHubFactory app)
    {
        var pair = string.Concat((char)Random.Shared.Next(0x4E00, 0x9FA5), (char)Random.Shared.Next(0x4E00, 0x9FA5));
        var own = new List<int>();
        for (var i = 0; i < 23; i++) own.Add((await app.AddPersonAsync($"页{pair}{(char)('甲' + i)}", YuCun)).Id);
        var other = new[] { await app.AddPersonAsync($"外{pair}一", MengXiangGang), await app.AddPersonAsync($"外{pair}二", MengXiangGang) };
        var clerk = await app.LoginAsync("anji.clerk");
        var q = "/People?Q=" + Uri.EscapeDataString(pair);

        var first = await TextAsync(clerk, q);
        var second = await TextAsync(clerk, q + "&page=2");
        var past = await TextAsync(clerk, q + "&page=9");
        var below = await TextAsync(clerk, q + "&page=-4");
        var none = await TextAsync(clerk, "/People?Q=" + Uri.EscapeDataString(pair + "无") + "&page=3");

        Assert.Contains("第 1/2 页，共 23 条", first);
        Assert.Equal(20, own.Count(id => first.Contains($"href=\"/People/{id}\"")));
        Assert.Contains("第 2/2 页，共 23 条", second);
        Assert.Equal(3, own.Count(id => second.Contains($"href=\"/People/{id}\"")));
        Assert.Contains("第 2/2 页，共 23 条", past); // clamped to the last page
        Assert.Equal(3, own.Count(id => past.Contains($"href=\"/People/{id}\"")));
        Assert.Contains("第 1/2 页，共 23 条", below);
        Assert.Contains("共 0 条", none);
        foreach (var page in new[] { first, second, past, below })
            Assert.DoesNotContain(other, p => page.Contains($"href=\"/People/{p.Id}\"") || page.Contains(p.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/People/{other[0].Id}")).StatusCode);

        var city = await TextAsync(await app.LoginAsync("city.officer"), q + "&page=2");
        Assert.Contains("第 2/2 页，共 25 条", city);
    }

    private static async Task<string> TextAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));
}

public sealed class PeopleSearchScopeTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task A_county_users_search_pages_and_totals_only_their_county() => PeopleSearchScope.Search_pages_and_totals_stay_within_the_users_county(App);
}
