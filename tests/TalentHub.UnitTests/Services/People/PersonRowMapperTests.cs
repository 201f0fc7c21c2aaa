using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.UnitTests.Services.Spreadsheets.ImportTestData;
using TalentHub.UnitTests.Services.Spreadsheets;
using TalentHub.Web.Services.People;

namespace TalentHub.UnitTests.Services.People;

public sealed class PersonRowMapperTests
{
    private static readonly string[] Header = ["姓名", "身份证号", "手机号", "性别", "所在村（社区）", "人才类别", "乡土人才类型", "创业人员来源", "文化程度"];
    private static readonly string GoodId = IdNumber.Create("330523", new DateOnly(1985, 3, 5), 123, Sex.Male).Value;

    private static (Person? Person, List<ImportIssue> Issues) Map(object?[] cells, string? scopeCounty = Anji, string[]? header = null) =>
        ImportTestData.Map(PersonRowMapper.Columns, header ?? Header, cells,
            r => new PersonRowMapper(Registry, Villages, scopeCounty).Map(r));

    [Fact]
    public void A_good_row_becomes_a_person_with_identifiers_village_and_categories()
    {
        var (person, issues) = Map(["张三", GoodId, "13800001111", "男", "余村", "乡土人才、高素质农民", "生产能手", null, "本科"]);

        Assert.Empty(issues);
        Assert.NotNull(person);
        Assert.Equal("张三", person.Name);
        Assert.Equal(GoodId, person.IdNumber);
        Assert.Equal(Protector.Hash(GoodId), person.IdNumberHash);
        Assert.Equal(new DateOnly(1985, 3, 5), person.BirthDate);
        Assert.Equal("1111", person.MobileTail);
        Assert.Equal(Yucun, person.RegionCode);
        Assert.Equal(Anji, person.CountyCode);
        Assert.Equal(EducationLevel.Bachelor, person.Education);
        Assert.True(person.Has(TalentCategory.LocalTalent) && person.Has(TalentCategory.HighQualityFarmer));
        Assert.Equal(LocalTalentType.ProductionExpert, person.Categories.Single(c => c.Category == TalentCategory.LocalTalent).LocalTalentType);
    }

    [Fact]
    public void English_headers_and_enum_names_are_accepted()
    {
        string[] header = ["Name", "ID number", "Mobile", "Sex", "Village", "Categories", "Local talent type", "Entrepreneur origin", "Education"];

        var (person, issues) = Map(["Zhang San", GoodId, null, "Male", Yucun, "LocalTalent, ReturningEntrepreneur", "Craftsman", "Veteran", "College"], header: header);

        Assert.Empty(issues);
        Assert.Equal(EntrepreneurOrigin.Veteran, person!.Venture!.Origin);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_with_its_column()
    {
        var badId = GoodId[..17] + (GoodId[17] == '0' ? "1" : "0");

        var (person, issues) = Map([null, badId, "12345", "男", "不存在村", "种田能手", null, null, "博士后"]);

        Assert.Null(person);
        Assert.All(issues, i => Assert.Equal(2, i.Row));
        Assert.Contains(issues, i => i.Column == "A（姓名）" && i.MessageKey == "Import.Required");
        Assert.Contains(issues, i => i.Column == "B（身份证号）" && i.MessageKey == "IdNumber.CheckDigitMismatch");
        Assert.Contains(issues, i => i.Column == "C（手机号）" && i.MessageKey == "Person.MobileInvalid");
        Assert.Contains(issues, i => i.Column == "E（所在村（社区））" && i.MessageKey == "Import.VillageNotFound");
        Assert.Contains(issues, i => i.Column == "F（人才类别）" && i.MessageKey == "Import.UnknownChoice" && (string)i.Args[0] == "种田能手");
        Assert.Contains(issues, i => i.Column == "I（文化程度）" && i.MessageKey == "Import.UnknownChoice");
    }

    [Fact]
    public void A_county_user_cannot_place_a_person_in_another_countys_village()
    {
        var (person, issues) = Map(["张三", GoodId, null, null, "西山村", "高素质农民", null, null, null]);

        Assert.Null(person);
        Assert.Equal("Import.VillageOutsideCounty", Assert.Single(issues).MessageKey);
    }

    [Fact]
    public void A_city_user_may_use_any_village_and_an_ambiguous_name_needs_the_township()
    {
        Assert.Empty(Map(["张三", GoodId, null, null, Xishan, "高素质农民", null, null, null], scopeCounty: null).Issues);
        Assert.Equal("Import.VillageAmbiguous", Assert.Single(Map(["张三", GoodId, null, null, "新村", "高素质农民", null, null, null], scopeCounty: null).Issues).MessageKey);
        Assert.Empty(Map(["张三", GoodId, null, null, "八里店镇新村", "高素质农民", null, null, null], scopeCounty: null).Issues);
    }

    [Fact]
    public void Sex_must_agree_with_the_id_number()
    {
        var (_, issues) = Map(["张三", GoodId, null, "女", "余村", "高素质农民", null, null, null]);

        var issue = Assert.Single(issues);
        Assert.Equal("D（性别）", issue.Column);
        Assert.Equal("Person.SexDisagrees", issue.MessageKey);
    }

    [Fact]
    public void A_local_talent_needs_its_subtype_and_an_entrepreneur_an_origin()
    {
        var (_, issues) = Map(["张三", GoodId, null, null, "余村", "乡土人才、返乡入乡创业人员", null, null, null]);

        Assert.Contains(issues, i => i.Column == "G（乡土人才类型）" && i.MessageKey == "Import.Person.LocalTalentTypeRequired");
        Assert.Contains(issues, i => i.Column == "H（创业人员来源）" && i.MessageKey == "Import.Person.OriginRequired");
    }

    [Fact]
    public void An_id_number_excel_stored_as_a_number_is_refused_because_its_digits_are_lost()
    {
        var (_, issues) = Map(["张三", 330523198503051230d, null, null, "余村", "高素质农民", null, null, null]);

        Assert.Equal("Import.StoredAsNumber", Assert.Single(issues).MessageKey);
    }
}
