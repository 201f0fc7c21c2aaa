using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>imports32 items 2 and 3: a row's errors in the file's column order; a fraction in a whole-number column.</summary>
public sealed class ImportIssueOrderTests
{
    [Fact]
    public void A_rows_errors_are_listed_in_the_files_column_order_with_row_level_findings_last()
    {
        var issues = new List<ImportIssue>();
        // The file puts 手机号 first and 姓名 last; 备注 is a column the file lacks.
        var map = ColumnMap.Build(["手机号", "身份证号", "所在村（社区）", "人才类别", "姓名"], PersonRowMapper.Columns, issues);
        var report = new ImportReport();
        report.Errors.AddRange(
        [
            new ImportIssue(3, null, "Refusal.Full"),
            new ImportIssue(3, "E（姓名）", "Name.NoLetter"),
            new ImportIssue(2, "B（身份证号）", "Import.DuplicateInFile", 1),
            new ImportIssue(3, "备注", "Import.TooLong", 500),
            new ImportIssue(3, "B（身份证号）", "Import.DuplicateInFile", 2),
            new ImportIssue(3, "A（手机号）", "Mobile.Invalid"),
            new ImportIssue(3, "B（身份证号）", "Import.Second"),
        ]);

        report.Order(map);

        Assert.Equal(
            [(2, "B（身份证号）"), (3, "A（手机号）"), (3, "B（身份证号）"), (3, "B（身份证号）"), (3, "E（姓名）"), (3, "备注"), (3, null)],
            report.Errors.Select(e => (e.Row, e.Column)).ToList());
        // Two findings of one cell keep the order they were found in.
        Assert.Equal("Import.Second", report.Errors[3].MessageKey);
    }

    [Theory]
    [InlineData("1.5", "Import.NotWholeNumber")]
    [InlineData("abc", "Import.NotANumber")]
    [InlineData("99999999999", "Import.OutOfRange")]
    public void A_whole_number_column_says_what_is_wrong_with_its_value(string value, string key)
    {
        var issues = new List<ImportIssue>();
        var columns = PersonRowMapper.Columns;
        var map = ColumnMap.Build(["带动就业人数"], columns, issues);
        issues.Clear(); // the required columns this one-column header lacks

        var read = new RowReader(new SheetRow(2, [value]), map, columns, issues).Int("JobsCreated", 0, 1_000_000);

        Assert.Null(read);
        var issue = Assert.Single(issues);
        Assert.Equal(key, issue.MessageKey);
        Assert.Equal("A（带动就业人数）", issue.Column);
    }

    [Fact]
    public void A_numeric_cell_with_a_fraction_is_not_a_whole_number_either()
    {
        var issues = new List<ImportIssue>();
        var map = ColumnMap.Build(["带动就业人数"], PersonRowMapper.Columns, issues);
        issues.Clear();

        new RowReader(new SheetRow(2, [1.5d]), map, PersonRowMapper.Columns, issues).Int("JobsCreated", 0, 1_000_000);

        Assert.Equal("Import.NotWholeNumber", Assert.Single(issues).MessageKey);
    }
}
