using TalentHub.UnitTests.Builders;
using System.Text;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.People;

namespace TalentHub.UnitTests.Services.Spreadsheets;

public sealed class ImportValuesTests
{
    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024/3/5")]
    [InlineData("2024年3月5日")]
    [InlineData("20240305")]
    public void Dates_are_read_in_the_usual_chinese_spreadsheet_forms(string text)
    {
        Assert.True(ImportValues.TryDate(text, out var date));
        Assert.Equal(new DateOnly(2024, 3, 5), date);
    }

    [Theory]
    [InlineData("１２", 12)]
    [InlineData("１，２００", 1200)]
    [InlineData("\u200B35", 35)]
    public void Whole_numbers_typed_full_width_or_with_invisible_characters_are_read(string text, int expected)
    {
        Assert.True(ImportValues.TryInt(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Full_width_decimals_dates_and_yes_no_are_read_as_their_ascii_forms()
    {
        Assert.True(ImportValues.TryDecimal("１２．５", out var number));
        Assert.Equal(12.5m, number);
        Assert.True(ImportValues.TryDate("２０２４年３月５日", out var date));
        Assert.Equal(new DateOnly(2024, 3, 5), date);
        Assert.True(ImportValues.TryBool("ＹＥＳ", out var yes));
        Assert.True(yes);
        Assert.False(ImportValues.TryDecimal("十二", out _));
    }

    [Fact]
    public void Excel_dates_and_whole_numbers_read_as_expected()
    {
        Assert.True(ImportValues.TryDate(new DateTime(2024, 3, 5), out var date));
        Assert.Equal(new DateOnly(2024, 3, 5), date);
        Assert.Equal("13800000001", ImportValues.Text(13800000001d));
        Assert.Equal("12.5", ImportValues.Text(12.5d));
    }

    [Theory]
    [InlineData("乡土人才", TalentCategory.LocalTalent)]
    [InlineData("LocalTalent", TalentCategory.LocalTalent)]
    [InlineData("local talent", TalentCategory.LocalTalent)]
    [InlineData("返乡创业人员", TalentCategory.ReturningEntrepreneur)]
    [InlineData("农村实用人才带头人", TalentCategory.PracticalTalentLeader)]
    public void Choices_are_found_by_chinese_label_english_label_or_enum_name(string text, TalentCategory expected)
    {
        Assert.True(ImportLabels.TryParse<TalentCategory>(text, out var category));
        Assert.Equal(expected, category);
    }

    [Theory]
    [InlineData("中专/职高", EducationLevel.Vocational)]
    [InlineData("Bachelor's degree", EducationLevel.Bachelor)]
    [InlineData("Junior college", EducationLevel.College)]
    public void The_words_the_forms_show_are_accepted_too(string text, EducationLevel expected)
    {
        Assert.True(ImportLabels.TryParse<EducationLevel>(text, out var education));
        Assert.Equal(expected, education);
    }

    [Fact]
    public void The_choices_listed_in_notes_and_messages_are_the_words_the_forms_show()
    {
        Assert.Contains("Junior college", ImportLabels.Choices<EducationLevel>(english: true));
        Assert.Contains("中专/职高", ImportLabels.Choices<EducationLevel>(english: false));
        Assert.True(ImportLabels.TryParse<EducationLevel>("Junior college", out var college));
        Assert.Equal(EducationLevel.College, college);
    }

    [Fact]
    public void An_unknown_choice_is_not_guessed() => Assert.False(ImportLabels.TryParse<TalentCategory>("种田能手", out _));

    [Fact]
    public void Csv_export_is_utf8_with_a_bom_quotes_where_needed_and_defuses_formulas()
    {
        var bytes = SheetWriter.Csv(new SheetData("", ["姓名", "备注"], [["张三", "a,b"], ["=1+1", "say \"hi\""]]));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("姓名,备注\r\n张三,\"a,b\"\r\n'=1+1,\"say \"\"hi\"\"\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void The_xlsx_template_has_chinese_headers_and_reads_back_as_an_empty_import()
    {
        var sheet = SpreadsheetReader.Read(ImportTemplate.Xlsx(PersonRowMapper.Columns, "人才", Texts.L), "t.xlsx");

        Assert.Equal(PersonRowMapper.Columns.Select(c => c.Chinese), sheet.Header.Cast<string>());
        Assert.Empty(sheet.Rows);
    }
}
