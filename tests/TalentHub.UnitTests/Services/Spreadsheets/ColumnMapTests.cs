using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.People;

namespace TalentHub.UnitTests.Services.Spreadsheets;

public sealed class ColumnMapTests
{
    private static readonly IReadOnlyList<ImportColumn> Columns = PersonRowMapper.Columns;

    [Fact]
    public void Chinese_headers_map_to_their_columns()
    {
        var issues = new List<ImportIssue>();

        var map = ColumnMap.Build(["姓名", "身份证号", "手机号", "所在村（社区）", "人才类别"], Columns, issues);

        Assert.Empty(issues);
        Assert.Equal(0, map.IndexOf("Name"));
        Assert.Equal(1, map.IndexOf("IdNumber"));
        Assert.Equal(3, map.IndexOf("Village"));
        Assert.Null(map.IndexOf("Notes"));
    }

    [Fact]
    public void English_headers_map_too_whatever_their_case_and_spacing()
    {
        var issues = new List<ImportIssue>();

        var map = ColumnMap.Build(["NAME", "Id Number", "village", "Categories", "Local talent type"], Columns, issues);

        Assert.Empty(issues);
        Assert.Equal(1, map.IndexOf("IdNumber"));
        Assert.Equal(4, map.IndexOf("LocalTalentType"));
    }

    [Fact]
    public void Required_markers_full_width_brackets_and_aliases_are_accepted()
    {
        var issues = new List<ImportIssue>();

        var map = ColumnMap.Build(["姓名*", "身份证号码", "村(社区)", "类别", "投资额(万元)"], Columns, issues);

        Assert.Empty(issues);
        Assert.Equal(2, map.IndexOf("Village"));
        Assert.Equal(4, map.IndexOf("Investment"));
    }

    [Fact]
    public void A_missing_required_column_is_an_error_on_row_one()
    {
        var issues = new List<ImportIssue>();

        ColumnMap.Build(["姓名", "所在村（社区）", "人才类别"], Columns, issues);

        var issue = Assert.Single(issues);
        Assert.Equal(1, issue.Row);
        Assert.Equal("Import.MissingColumn", issue.MessageKey);
        Assert.Contains("身份证号", issue.Column);
    }

    [Fact]
    public void A_column_given_twice_is_an_error_naming_its_letter()
    {
        var issues = new List<ImportIssue>();

        ColumnMap.Build(["姓名", "身份证号", "所在村（社区）", "人才类别", "Name"], Columns, issues);

        var issue = Assert.Single(issues);
        Assert.Equal("Import.DuplicateColumn", issue.MessageKey);
        Assert.Equal("E（Name）", issue.Column);
    }
}
