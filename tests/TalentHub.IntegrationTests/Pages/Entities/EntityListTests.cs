using TalentHub.Web.Domain.Entities;
using static TalentHub.IntegrationTests.Pages.Entities.EntityForms;

namespace TalentHub.IntegrationTests.Pages.Entities;

public sealed class EntityListTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task List_FiltersByTypeAndStatus()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var token = "筛选" + Guid.NewGuid().ToString("N")[..6];
        var leader = await App.PersonIdInCountyAsync("330523");
        var coop = token + "茶叶专业合作社";
        var farm = token + "家庭农场";
        await CreateAsync(clerk, Fields(coop, NewCreditCode("93"), leader, EntityType.Cooperative));
        var farmId = await CreateAsync(clerk, Fields(farm, NewCreditCode(), leader));
        await MoveAsync(clerk, farmId, EntityStatus.Submitted);

        var all = await clerk.GetStringAsync($"/Entities?Q={Uri.EscapeDataString(token)}");
        var byType = await clerk.GetStringAsync($"/Entities?Q={Uri.EscapeDataString(token)}&Type=Cooperative");
        var byStatus = await clerk.GetStringAsync($"/Entities?Q={Uri.EscapeDataString(token)}&Status=Submitted");

        Assert.Contains(coop, all);
        Assert.Contains(farm, all);
        Assert.Contains(coop, byType);
        Assert.DoesNotContain(farm, byType);
        Assert.Contains(farm, byStatus);
        Assert.DoesNotContain(coop, byStatus);
        Assert.Contains("/Entities/Export?format=xlsx&amp;Status=Submitted&amp;Q=", byStatus);
        Assert.Contains("/Entities/Export?format=csv&amp;Status=Submitted&amp;Q=", byStatus);
    }

    /// <summary>
    /// rev35b: names are stored normalised (NFKC), so a name typed with Chinese brackets was never found (stored "(普通合伙)",
    /// searched "（普通合伙）"), and an 18-character name was taken for a credit code and found nothing — on the list and its export.
    /// </summary>
    [Fact]
    public async Task Search_FindsANameAsTyped_WithChineseBrackets_OrEighteenCharactersLong()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var leader = await App.PersonIdInCountyAsync("330523");
        var token = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => "零一二三四五六七八九甲乙丙丁戊己"[Convert.ToInt32(c.ToString(), 16)]));
        var bracketed = token + "白茶家庭农场（普通合伙）";
        var eighteen = token + "白茶产业专业合作社联合社";
        Assert.Equal(18, eighteen.Length);
        var bracketedId = await CreateAsync(clerk, Fields(bracketed, NewCreditCode(), leader));
        var eighteenId = await CreateAsync(clerk, Fields(eighteen, NewCreditCode(), leader));

        Assert.Contains($"href=\"/Entities/{bracketedId}\"", await clerk.GetStringAsync($"/Entities?Q={Uri.EscapeDataString(bracketed)}"));
        Assert.Contains($"href=\"/Entities/{eighteenId}\"", await clerk.GetStringAsync($"/Entities?Q={Uri.EscapeDataString(eighteen)}"));
        var export = await clerk.GetStringAsync($"/Entities/Export?format=csv&Q={Uri.EscapeDataString(bracketed)}");
        Assert.Contains(token + "白茶家庭农场(普通合伙)", export);
    }

    [Fact]
    public async Task CountyList_ShowsOnlyTheirCounty_AndNoCountyTable()
    {
        var wuxing = await App.LoginAsync("wuxing.officer");
        var token = "范围" + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(wuxing, Fields(token + "家庭农场", NewCreditCode(), await App.PersonIdInCountyAsync("330502"), village: Xishancun));
        var anji = await App.LoginAsync("anji.clerk");

        var html = await anji.GetStringAsync($"/Entities?Q={Uri.EscapeDataString(token)}");

        Assert.DoesNotContain(token + "家庭农场", html);
        Assert.DoesNotContain("各县数量", html);
    }

    [Fact]
    public async Task CityOfficer_SeesCountsByCounty()
    {
        var wuxing = await App.LoginAsync("wuxing.officer");
        var token = "计数" + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(wuxing, Fields(token + "家庭农场", NewCreditCode(), await App.PersonIdInCountyAsync("330502"), village: Xishancun));
        var city = await App.LoginAsync("city.officer");

        var html = await city.GetStringAsync($"/Entities?Q={Uri.EscapeDataString(token)}");

        Assert.Contains("各县数量", html);
        Assert.Matches(@"吴兴区</a></td><td class=""text-end"">1</td>", html);
        Assert.Matches(@"安吉县</a></td><td class=""text-end"">0</td>", html);
    }

    [Fact]
    public async Task List_SortsByStatus_AndPagesKeepTheFilters()
    {
        var city = await App.LoginAsync("city.officer");

        var html = await city.GetStringAsync("/Entities?Sort=status&Desc=true&Type=FamilyFarm");

        Assert.Contains("Sort=status", html);
        Assert.Contains("▼", html);
        // The rows themselves: family farms only, statuses non-increasing down the page (ties by id).
        var rows = System.Text.RegularExpressions.Regex.Matches(html, @"<tr data-id=""(\d+)""").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(rows.Count > 1, $"{rows.Count} rows");
        var facts = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.BusinessEntities).Where(e => rows.Contains(e.Id)),
            e => e.Id, e => new { e.Status, e.Type }));
        Assert.All(rows, id => Assert.Equal(EntityType.FamilyFarm, facts[id].Type));
        for (var i = 1; i < rows.Count; i++)
            Assert.True(facts[rows[i - 1]].Status > facts[rows[i]].Status || (facts[rows[i - 1]].Status == facts[rows[i]].Status && rows[i - 1] < rows[i]),
                $"row {i}: {rows[i]} ({facts[rows[i]].Status}) after {rows[i - 1]} ({facts[rows[i - 1]].Status})");
    }

    [Fact]
    public async Task EveryEntityPage_IsCompleteInEnglish()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        await MoveAsync(clerk, id, EntityStatus.Submitted);
        var city = await App.LoginAsync("city.officer");

        foreach (var url in new[] { "/Entities", $"/Entities/{id}", "/Entities/Create", $"/Entities/{id}/Edit" })
        {
            var html = await city.GetStringAsync(url + (url.Contains('?') ? "&" : "?") + "culture=en");
            Assert.Contains("lang=\"en\"", html);
            Assert.DoesNotMatch(@"[>""](Entity|Entities|EntityType|EntityStatus|Status\.Entity|DemonstrationLevel|MemberRole|CreditCode)\.[A-Z]", html);
        }
        Assert.Contains("Entities by county", await city.GetStringAsync("/Entities?culture=en"));
        Assert.Contains("Approve", await city.GetStringAsync($"/Entities/{id}?culture=en"));
    }
}
