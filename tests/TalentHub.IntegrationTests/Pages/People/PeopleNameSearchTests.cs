using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// The registry's name search through the name bigrams (issue 12): any 2+ character part of a name finds the person,
/// renames and region scope are followed exactly, and characters outside the BMP count as one.
/// </summary>
public sealed class PeopleNameSearchTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>Two random CJK characters, so the fragment is this test's own.</summary>
    private static string RarePair() => string.Concat((char)Random.Shared.Next(0x4E00, 0x9FA5), (char)Random.Shared.Next(0x4E00, 0x9FA5));

    [Fact]
    public async Task A_two_character_fragment_anywhere_in_the_name_finds_the_person_and_follows_a_rename()
    {
        var pair = RarePair();
        var person = await App.AddPersonAsync($"测{pair}试", YuCun);
        var client = await App.LoginAsync("anji.clerk");

        Assert.Contains(person.Name, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair)}"));
        Assert.Contains(person.Name, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair + "试")}"));
        Assert.Contains(person.Name, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString("测" + pair)}"));
        Assert.DoesNotContain(person.Name, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair + "错")}"));
        Assert.DoesNotContain(person.Name, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(string.Concat(pair[1], pair[0]))}"));

        var renamed = $"改{RarePair()}名";
        await App.QueryAsync(async db =>
        {
            var row = await db.People.IgnoreQueryFilters([RegionFilter.Name]).FirstAsync(p => p.Id == person.Id);
            row.Name = renamed;
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain($"href=\"/People/{person.Id}\"", await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair)}"));
        Assert.Contains(renamed, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(renamed[1..3])}"));
        Assert.Equal(3, await App.QueryAsync(db => db.PersonNameGrams.CountAsync(g => g.PersonId == person.Id)));  // 改?, ??, ?名
    }

    [Fact]
    public async Task The_fragment_search_keeps_the_region_scope()
    {
        var pair = RarePair();
        var anji = await App.AddPersonAsync($"安{pair}", YuCun);
        var wuxing = await App.AddPersonAsync($"吴{pair}", MengXiangGang);
        var q = $"/People?Q={Uri.EscapeDataString(pair)}";

        var county = await (await App.LoginAsync("anji.clerk")).GetStringAsync(q);
        var city = await (await App.LoginAsync("city.officer")).GetStringAsync(q);

        Assert.Contains(anji.Name, county);
        Assert.DoesNotContain(wuxing.Name, county);
        Assert.Contains("共 1 条", county.Replace("&#x20;", " "));
        Assert.Contains(anji.Name, city);
        Assert.Contains(wuxing.Name, city);
        Assert.Contains("共 2 条", city.Replace("&#x20;", " "));
    }

    [Fact]
    public async Task A_character_outside_the_BMP_counts_as_one_in_a_fragment()
    {
        var pair = RarePair();
        var person = await App.AddPersonAsync($"𠀀{pair[0]}{pair[1]}", YuCun);
        var client = await App.LoginAsync("anji.clerk");

        var link = $"href=\"/People/{person.Id}\"";  // the name itself is HTML-encoded (outside the BMP)
        Assert.Contains(link, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString("𠀀" + pair[0])}"));
        Assert.Contains(link, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair)}"));
        Assert.DoesNotContain(link, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString("𠀁" + pair[0])}"));
    }
}
