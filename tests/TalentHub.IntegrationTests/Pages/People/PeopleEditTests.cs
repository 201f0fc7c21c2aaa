using TalentHub.Web.Domain.People;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

public sealed class PeopleEditTests(TalentHubFactory app) : AppTest(app)
{
    private static List<(string, string)> EditForm(string name, int version, params string[] categories) =>
    [
        ("Input.Name", name), ("Input.IdNumber", ""), ("Input.Mobile", ""), ("Input.RegionCode", YuCun),
        ("Input.Version", version.ToString()), .. categories.Select(c => ("Input.Categories", c)),
    ];

    [Fact]
    public async Task The_edit_form_never_carries_the_full_id_number_or_mobile()
    {
        var person = await App.AddPersonAsync(NewName("编辑看"), YuCun);
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.GetAsync($"/People/{person.Id}/Edit");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(person.Name, html);
        Assert.DoesNotContain(person.IdNumber, html);
        Assert.DoesNotContain(person.Mobile, html);
        Assert.Contains(TalentHub.Web.Domain.Common.Masking.IdNumber(person.IdNumber), html);
    }

    [Fact]
    public async Task An_edit_saves_the_fields_and_keeps_the_identifiers_left_empty()
    {
        var person = await App.AddPersonAsync(NewName("编辑前"), YuCun);
        var before = await App.PersonAsync(person.Id);
        var client = await App.LoginAsync("anji.clerk");
        var newName = NewName("编辑后");

        var response = await client.PostPairsAsync($"/People/{person.Id}/Edit",
        [
            .. EditForm(newName, before!.Version, "ReturningEntrepreneur", "ProfessionalManager"),
            ("Input.Industry", "茶叶"), ("Input.Origin", "Veteran"), ("Input.VentureName", "白茶合作基地"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/People/{person.Id}", response.Headers.Location!.OriginalString);
        var after = await App.PersonAsync(person.Id);
        Assert.Equal(newName, after!.Name);
        Assert.Equal("茶叶", after.Industry);
        Assert.Equal(person.IdNumber, after.IdNumber);
        Assert.Equal(person.Mobile, after.Mobile);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal([TalentCategory.ReturningEntrepreneur, TalentCategory.ProfessionalManager], after.Categories.Select(c => c.Category).Order());
        Assert.Equal("白茶合作基地", after.Venture!.Name);

        // Dropping the entrepreneur category drops the venture.
        response = await client.PostPairsAsync($"/People/{person.Id}/Edit", EditForm(newName, after.Version, "ProfessionalManager"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var last = await App.PersonAsync(person.Id);
        Assert.Null(last!.Venture);
        Assert.Equal(TalentCategory.ProfessionalManager, Assert.Single(last.Categories).Category);
    }

    [Fact]
    public async Task Changing_the_local_talent_subtype_replaces_it()
    {
        var person = await App.AddPersonAsync(NewName("能手"), YuCun,
            p => p.SetCategories([TalentCategory.LocalTalent], LocalTalentType.ProductionExpert, null));
        var version = (await App.PersonAsync(person.Id))!.Version;
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.PostPairsAsync($"/People/{person.Id}/Edit",
            [.. EditForm(person.Name, version, "LocalTalent"), ("Input.LocalTalentType", "TechnicalExpert")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LocalTalentType.TechnicalExpert, Assert.Single((await App.PersonAsync(person.Id))!.Categories).LocalTalentType);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_overwrites_nothing()
    {
        var person = await App.AddPersonAsync(NewName("并发"), YuCun);
        var version = (await App.PersonAsync(person.Id))!.Version;
        var client = await App.LoginAsync("anji.clerk");
        var first = NewName("先到");
        var second = NewName("后到");

        var one = await client.PostPairsAsync($"/People/{person.Id}/Edit", EditForm(first, version, "HighQualityFarmer"));
        var two = await client.PostPairsAsync($"/People/{person.Id}/Edit", EditForm(second, version, "ProfessionalManager"));

        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Contains("数据已被他人修改，请刷新后重新编辑。", await two.Content.ReadAsStringAsync());
        var stored = await App.PersonAsync(person.Id);
        Assert.Equal(first, stored!.Name);
        Assert.Equal(TalentCategory.HighQualityFarmer, Assert.Single(stored.Categories).Category);
        Assert.Equal(version + 1, stored.Version);
    }

    [Fact]
    public async Task Changing_the_id_number_to_one_already_registered_is_refused()
    {
        var other = await App.AddPersonAsync(NewName("已登记"), MengXiangGang);
        var person = await App.AddPersonAsync(NewName("改号"), YuCun);
        var version = (await App.PersonAsync(person.Id))!.Version;
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.PostPairsAsync($"/People/{person.Id}/Edit",
            [.. EditForm(person.Name, version, "HighQualityFarmer").Where(f => f.Item1 != "Input.IdNumber"), ("Input.IdNumber", other.IdNumber)]);

        Assert.Equal("该身份证号已在吴兴区登记，不能重复登记。", FieldError(await response.Content.ReadAsStringAsync(), "Input.IdNumber"));
        Assert.Equal(person.IdNumber, (await App.PersonAsync(person.Id))!.IdNumber);
    }

    [Fact]
    public async Task A_county_clerk_gets_404_for_another_countys_person_on_edit_get_and_post()
    {
        var wuxing = await App.AddPersonAsync(NewName("外县"), MengXiangGang);
        var client = await App.LoginAsync("anji.clerk");

        var get = await client.GetAsync($"/People/{wuxing.Id}/Edit");
        var post = await client.PostPairsAsync($"/People/{wuxing.Id}/Edit", EditForm("改名", 0, "HighQualityFarmer"), formPage: "/People/Create");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(wuxing.Name, (await App.PersonAsync(wuxing.Id))!.Name);
    }

    [Fact]
    public async Task Saving_the_form_unchanged_writes_nothing_and_says_so()
    {
        // forms30: an unchanged save wrote an audit entry and moved the version on (a second tab then got a false stale edit).
        var person = await App.AddPersonAsync(NewName("未改"), YuCun);
        var before = await App.PersonAsync(person.Id);
        var audits = await App.AuditCountAsync("Person", person.Id);
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.PostPairsAsync($"/People/{person.Id}/Edit", EditForm(person.Name, before!.Version, "HighQualityFarmer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("没有修改", await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(before.Version, (await App.PersonAsync(person.Id))!.Version);
        Assert.Equal(audits, await App.AuditCountAsync("Person", person.Id));
    }
}
