using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.UnitTests.Services.Spreadsheets.ImportTestData;
using TalentHub.Web.Services.Entities;
using TalentHub.UnitTests.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Entities;

public sealed class EntityRowMapperTests
{
    private static readonly string[] Header = ["主体名称", "统一社会信用代码", "代码已核实", "主体类型", "法定代表人身份证号", "所在村（社区）", "经营土地面积（亩）", "示范等级", "评定年份"];
    private static readonly string LeaderId = IdNumber.Create("330523", new DateOnly(1980, 1, 2), 45, Sex.Female).Value;
    private static readonly string GoodCode = CreditCode.Create("92330523MA2B3C4D5");

    private static (EntityRow? Row, List<ImportIssue> Issues) Map(object?[] cells, bool officer = true) =>
        ImportTestData.Map(EntityRowMapper.Columns, Header, cells, r => new EntityRowMapper(Registry, Villages, Anji, officer).Map(r));

    private static string WrongCheckDigit(string code) => code[..17] + (code[17] == '0' ? "1" : "0");

    [Fact]
    public void A_good_row_becomes_a_draft_entity_waiting_for_its_legal_representative()
    {
        var (row, issues) = Map(["青山家庭农场", GoodCode, null, "家庭农场", LeaderId, "余村", "12.5", "县级", "2025"]);

        Assert.Empty(issues);
        Assert.NotNull(row);
        Assert.Equal(EntityType.FamilyFarm, row.Entity.Type);
        Assert.Equal(EntityStatus.Draft, row.Entity.Status);
        Assert.Equal(12.5m, row.Entity.LandArea);
        Assert.Equal(DemonstrationLevel.County, row.Entity.Rating);
        Assert.Equal(Protector.Hash(LeaderId), row.LegalRepresentativeHash);
    }

    [Fact]
    public void A_land_area_with_more_than_two_decimals_is_refused_in_its_column_not_rounded()
    {
        var (row, issues) = Map(["青山家庭农场", GoodCode, null, "家庭农场", LeaderId, "余村", "12.345", "县级", "2025"]);

        Assert.Null(row);
        var issue = Assert.Single(issues);
        Assert.Equal("Import.TooManyDecimals", issue.MessageKey);
        Assert.Contains("经营土地面积", issue.Column);
    }

    [Fact]
    public void A_rating_year_out_of_range_is_one_error_not_also_a_missing_year()
    {
        var (row, issues) = Map(["青山家庭农场", GoodCode, null, "家庭农场", LeaderId, "余村", null, "省级", "1900"]);

        Assert.Null(row);
        var issue = Assert.Single(issues);
        Assert.Equal("Import.OutOfRange", issue.MessageKey);
    }

    [Fact]
    public void A_rating_year_after_this_year_is_refused_in_its_column()
    {
        var nextYear = Registry.Today.Year + 1;

        var (row, issues) = Map(["青山家庭农场", GoodCode, null, "家庭农场", LeaderId, "余村", null, "县级", nextYear.ToString()]);

        Assert.Null(row);
        var issue = Assert.Single(issues);
        Assert.Equal("Entity.RatingYearInFuture", issue.MessageKey);
        Assert.Contains("评定年份", issue.Column);
    }

    [Fact]
    public void A_failed_check_digit_is_an_error_unless_the_row_says_the_code_was_verified()
    {
        var code = WrongCheckDigit(GoodCode);

        var refused = Map(["青山家庭农场", code, null, "家庭农场", LeaderId, "余村", null, null, null]);
        var accepted = Map(["青山家庭农场", code, "是", "家庭农场", LeaderId, "余村", null, null, null]);

        Assert.Equal("Import.Entity.CheckDigit", Assert.Single(refused.Issues).MessageKey);
        Assert.Empty(accepted.Issues);
        Assert.True(accepted.Row!.Entity.CreditCodeWarningConfirmed);
    }

    [Fact]
    public void A_failed_check_digit_in_a_clerks_file_is_an_error_even_when_the_row_says_verified()
    {
        var code = WrongCheckDigit(GoodCode);

        var refused = Map(["青山家庭农场", code, "是", "家庭农场", LeaderId, "余村", null, null, null], officer: false);

        Assert.Null(refused.Row);
        Assert.Equal("Import.Entity.CheckDigitOfficer", Assert.Single(refused.Issues).MessageKey);
    }

    [Fact]
    public void A_cooperatives_code_must_start_with_93()
    {
        var (_, issues) = Map(["青山合作社", GoodCode, null, "合作社", LeaderId, "余村", null, null, null]);

        var issue = Assert.Single(issues);
        Assert.Equal("B（统一社会信用代码）", issue.Column);
        Assert.Equal("CreditCode.CooperativePrefix", issue.MessageKey);
    }

    [Fact]
    public void Numbers_choices_and_the_rating_year_are_checked()
    {
        var (row, issues) = Map(["青山家庭农场", "92330523", "也许", "农场", LeaderId[..10], "余村", "-3", "省级", null]);

        Assert.Null(row);
        Assert.Contains(issues, i => i.MessageKey == "CreditCode.WrongLength");
        Assert.Contains(issues, i => i.MessageKey == "Import.NotYesNo");
        Assert.Contains(issues, i => i.MessageKey == "Import.UnknownChoice" && i.Column == "D（主体类型）");
        Assert.Contains(issues, i => i.MessageKey == "IdNumber.WrongLength" && i.Column == "E（法定代表人身份证号）");
        Assert.Contains(issues, i => i.MessageKey == "Import.OutOfRange" && i.Column == "G（经营土地面积（亩））");
        Assert.Contains(issues, i => i.MessageKey == "Entity.RatingYearRequired" && i.Column == "I（评定年份）");
    }
}
