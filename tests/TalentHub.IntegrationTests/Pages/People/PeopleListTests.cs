using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

public sealed class PeopleListTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task The_category_filter_keeps_only_people_of_that_category()
    {
        var industry = NewName("列表产业");
        var manager = await App.AddPersonAsync(NewName("经理人"), YuCun,
            p => p.SetCategories([TalentCategory.ProfessionalManager], null, null), industry: industry);
        var craftsman = await App.AddPersonAsync(NewName("巧匠"), YuCun,
            p => p.SetCategories([TalentCategory.LocalTalent], LocalTalentType.Craftsman, null), industry: industry);
        var client = await App.LoginAsync("anji.clerk");

        var html = await client.GetStringAsync($"/People?Industry={Uri.EscapeDataString(industry)}&Category=ProfessionalManager");
        Assert.Contains(manager.Name, html);
        Assert.DoesNotContain(craftsman.Name, html);

        html = await client.GetStringAsync($"/People?Industry={Uri.EscapeDataString(industry)}&Category=LocalTalent");
        Assert.Contains(craftsman.Name, html);
        Assert.Contains("乡土人才 · 能工巧匠", html);
        Assert.DoesNotContain(manager.Name, html);
    }

    [Fact]
    public async Task Q_finds_a_person_by_the_last_four_digits_of_the_mobile()
    {
        var industry = NewName("尾号产业");
        var wanted = await App.AddPersonAsync(NewName("尾号"), YuCun, mobile: "1390000" + "4821", industry: industry);
        var other = await App.AddPersonAsync(NewName("别人"), YuCun, mobile: "1390000" + "4822", industry: industry);
        var client = await App.LoginAsync("anji.clerk");

        var html = await client.GetStringAsync($"/People?Industry={Uri.EscapeDataString(industry)}&Q=4821");

        Assert.Contains(wanted.Name, html);
        Assert.Contains("139****4821", html);
        Assert.DoesNotContain(other.Name, html);
        Assert.DoesNotContain(wanted.Mobile, html);
    }

    [Fact]
    public async Task Q_finds_a_person_by_the_full_id_number_and_shows_it_masked()
    {
        var wanted = await App.AddPersonAsync(NewName("全号"), YuCun);
        var client = await App.LoginAsync("anji.clerk");

        var html = await client.GetStringAsync($"/People?Q={wanted.IdNumber}");

        Assert.Contains(wanted.Name, html);
        Assert.Contains(Masking.IdNumber(wanted.IdNumber), html);
        Assert.Contains("共 1 条", html.Replace("&#x20;", " "));
    }

    [Fact]
    public async Task A_county_user_cannot_find_another_countys_person_even_by_full_id_number()
    {
        var wuxing = await App.AddPersonAsync(NewName("外县人"), MengXiangGang);
        var client = await App.LoginAsync("anji.clerk");

        var html = await client.GetStringAsync($"/People?Q={wuxing.IdNumber}&County=330502000000");
        var city = await (await App.LoginAsync("city.officer")).GetStringAsync($"/People?Q={wuxing.IdNumber}");

        Assert.DoesNotContain(wuxing.Name, html);
        Assert.Contains(wuxing.Name, city);
    }

    [Fact]
    public async Task Sort_links_paging_and_export_links_carry_the_filters()
    {
        var client = await App.LoginAsync("city.officer");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/People?County=330523000000&Category=HighQualityFarmer&Sort=birth&Desc=true"));

        Assert.Contains("/People/Export?format=xlsx&County=330523000000&Category=HighQualityFarmer&Sort=birth&Desc=true", html);
        Assert.Contains("/People/Export?format=csv&County=330523000000&Category=HighQualityFarmer", html);
        Assert.Contains("/People?County=330523000000&Category=HighQualityFarmer&Sort=birth\"", html); // second click flips to ascending
        Assert.Contains("href=\"/People/Create\"", html);
        Assert.Contains("href=\"/People/Import\"", html);
    }

    [Fact]
    public async Task A_city_officer_filters_by_county()
    {
        var anji = await App.AddPersonAsync(NewName("安吉县人"), YuCun, industry: "县筛选");
        var wuxing = await App.AddPersonAsync(NewName("吴兴区人"), MengXiangGang, industry: "县筛选");
        var client = await App.LoginAsync("city.officer");

        var html = await client.GetStringAsync("/People?Industry=" + Uri.EscapeDataString("县筛选") + "&County=330502000000");

        Assert.Contains(wuxing.Name, html);
        Assert.DoesNotContain(anji.Name, html);
    }
}
