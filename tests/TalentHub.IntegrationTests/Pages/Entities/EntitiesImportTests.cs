using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using static TalentHub.IntegrationTests.Support.ImportClient;

namespace TalentHub.IntegrationTests.Pages.Entities;

public sealed class EntitiesImportTests(TalentHubFactory app) : AppTest(app)
{
    private const string Page = "/Entities/Import";
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static string NewCode(string prefix = "92330523MA") =>
        CreditCode.Create(prefix + new string(Enumerable.Range(0, 17 - prefix.Length).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]).ToArray()));

    private Task<string> PersonIdInAsync(string county) =>
        App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.CountyCode == county).Select(p => p.IdNumber).FirstAsync());

    [Fact]
    public async Task An_xlsx_of_entities_is_checked_then_written_as_drafts_led_by_their_legal_representative()
    {
        var client = await App.LoginAsync("anji.clerk");
        var leader = await PersonIdInAsync(Anji);
        var outsider = await PersonIdInAsync("330502000000");
        var farm = NewName("竹乡家庭农场");
        var goodCode = NewCode();
        var badCode = NewCode();
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["主体名称"] = farm, ["统一社会信用代码"] = goodCode, ["主体类型"] = "家庭农场", ["法定代表人身份证号"] = leader, ["所在村（社区）"] = "余村", ["经营土地面积（亩）"] = 86.5d, ["示范等级"] = "县级", ["评定年份"] = 2025d },
            new() { ["主体名称"] = NewName("合作社"), ["统一社会信用代码"] = badCode, ["主体类型"] = "农民专业合作社", ["法定代表人身份证号"] = leader, ["所在村（社区）"] = "余村", ["经营土地面积（亩）"] = null, ["示范等级"] = null, ["评定年份"] = null },
            new() { ["主体名称"] = NewName("外县农场"), ["统一社会信用代码"] = NewCode(), ["主体类型"] = "家庭农场", ["法定代表人身份证号"] = outsider, ["所在村（社区）"] = "余村", ["经营土地面积（亩）"] = null, ["示范等级"] = null, ["评定年份"] = null },
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        var bytes = stream.ToArray();

        var (_, html) = await client.ValidateAsync(Page, bytes, "entities.xlsx");

        var errors = Errors(html);
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "B（统一社会信用代码）");
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "D（法定代表人身份证号）" && e.Reason.Contains("找不到"));
        Assert.False(await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).AnyAsync(e => e.CreditCode == goodCode)));

        await client.ConfirmAsync(Page, html);

        var saved = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).Include(e => e.People).SingleAsync(e => e.CreditCode == goodCode));
        Assert.Equal(farm, saved.Name);
        Assert.Equal(EntityStatus.Draft, saved.Status);
        Assert.Equal(86.5m, saved.LandArea);
        Assert.Equal(DemonstrationLevel.County, saved.Rating);
        Assert.Contains(saved.People, m => m.PersonId == saved.LegalRepresentativeId && m.Role == MemberRole.Leader);
        Assert.False(await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).AnyAsync(e => e.CreditCode == badCode)));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Import && a.EntityType == "BusinessEntity" && a.Changes!.Contains("rows=1"))));

        var (_, again) = await client.ValidateAsync(Page, bytes, "entities.xlsx");
        Assert.Single(Errors(again, "import-skipped"));
    }

    [Fact]
    public async Task A_failed_check_digit_needs_the_code_verified_column()
    {
        var client = await App.LoginAsync("anji.officer");
        var leader = await PersonIdInAsync(Anji);
        var code = NewCode();
        code = code[..17] + (code[17] == '0' ? "1" : "0");
        var csv = $"主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）,代码已核实\r\n" +
                  $"{NewName("早期农场")},{code},家庭农场,{leader},余村,\r\n" +
                  $"{NewName("早期农场")},{code},家庭农场,{leader},余村,是";

        var (_, html) = await client.ValidateAsync(Page, Encoding.UTF8.GetBytes(csv), "entities.csv");

        var error = Assert.Single(Errors(html));
        Assert.Equal(2, error.Row);
        Assert.Contains("代码已核实", error.Reason);
        Assert.Contains("可导入 1 行", html);
    }

    [Fact]
    public async Task A_clerks_code_verified_column_does_not_confirm_a_failed_check_digit()
    {
        // rev37c: an officer confirms such a code (PRODUCT.md §4); a clerk's "是" was taken as that confirmation.
        var client = await App.LoginAsync("anji.clerk");
        var leader = await PersonIdInAsync(Anji);
        var code = NewCode();
        code = code[..17] + (code[17] == '0' ? "1" : "0");
        var csv = $"主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）,代码已核实\r\n" +
                  $"{NewName("早期农场")},{code},家庭农场,{leader},余村,是";

        var (_, html) = await client.ValidateAsync(Page, Encoding.UTF8.GetBytes(csv), "entities.csv");

        var error = Assert.Single(Errors(html));
        Assert.Equal(2, error.Row);
        Assert.Contains("县级管理员", error.Reason);
        Assert.Contains("可导入 0 行", html);
    }

    [Fact]
    public async Task A_family_farm_row_with_members_is_an_error_at_that_column()
    {
        // forms30: the import path stored 成员数 for any kind, as the form did.
        var client = await App.LoginAsync("anji.clerk");
        var leader = await PersonIdInAsync(Anji);
        var csv = $"主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）,成员数,家庭劳动力\r\n" +
                  $"{NewName("成员农场")},{NewCode()},家庭农场,{leader},余村,12,3\r\n" +
                  $"{NewName("劳力合作社")},{NewCode("93330523MA")},农民专业合作社,{leader},余村,40,2\r\n" +
                  $"{NewName("正常合作社")},{NewCode("93330523MA")},农民专业合作社,{leader},余村,40,";

        var (_, html) = await client.ValidateAsync(Page, Encoding.UTF8.GetBytes(csv), "entities.csv");

        var errors = Errors(html);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Row == 2 && e.Column.Contains("成员数") && e.Reason.Contains("只有农民专业合作社登记成员数"));
        Assert.Contains(errors, e => e.Row == 3 && e.Column.Contains("家庭劳动力") && e.Reason.Contains("只有家庭农场登记家庭劳动力"));
        Assert.Contains("可导入 1 行", html);
    }

    [Fact]
    public async Task A_row_with_a_kind_rule_error_and_an_unknown_legal_representative_lists_both_and_writes_nothing()
    {
        // forms31: the legal representative was looked up only for a row without other errors, so the row showed one error.
        var client = await App.LoginAsync("anji.clerk");
        var outsider = await PersonIdInAsync("330502000000");
        var leader = await PersonIdInAsync(Anji);
        var code = NewCode();
        var csv = $"主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）,成员数\r\n" +
                  $"{NewName("两错农场")},{code},家庭农场,{outsider},余村,12\r\n" +
                  $"{NewName("重码农场")},{code},家庭农场,{leader},余村,";

        var (_, html) = await client.ValidateAsync(Page, Encoding.UTF8.GetBytes(csv), "entities.csv");

        var errors = Errors(html);
        Assert.Contains(errors, e => e.Row == 2 && e.Column.Contains("成员数") && e.Reason.Contains("只有农民专业合作社登记成员数"));
        Assert.Contains(errors, e => e.Row == 2 && e.Column.Contains("法定代表人身份证号") && e.Reason.Contains("找不到"));
        // The same credit code again is an error even when its first row has errors of its own.
        Assert.Contains(errors, e => e.Row == 3 && e.Column.Contains("统一社会信用代码"));
        Assert.Equal(3, errors.Count);
        Assert.DoesNotContain("可导入 1 行", html);
        Assert.False(await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).AnyAsync(e => e.CreditCode == code)));
    }

    /// <summary>
    /// imports32 items 1–3: a repeated credit code with other errors lists every one of them, in the file's column order
    /// (the legal representative, looked up after the rows, came last), and 1.5 in 从业人数 says it must be a whole number.
    /// </summary>
    [Fact]
    public async Task A_repeated_credit_code_row_lists_every_error_in_column_order()
    {
        var client = await App.LoginAsync("anji.clerk");
        var outsider = await PersonIdInAsync("330502000000");
        var leader = await PersonIdInAsync(Anji);
        var code = NewCode();
        var csv = $"主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）,从业人数\r\n" +
                  $"{NewName("首行农场")},{code},家庭农场,{leader},余村,3\r\n" +
                  $"{NewName("重码农场")},{code},家庭农场,{outsider},余村,1.5";

        var (_, html) = await client.ValidateAsync(Page, Encoding.UTF8.GetBytes(csv), "entities.csv");

        var row = Errors(html).Where(e => e.Row == 3).ToList();
        Assert.Equal(["B（统一社会信用代码）", "D（法定代表人身份证号）", "F（从业人数）"], row.Select(e => e.Column).ToList());
        Assert.Contains("找不到", row[1].Reason);
        Assert.Equal("必须为整数。", row[2].Reason);
    }
}
