using TalentHub.UnitTests.Builders;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services.Entities;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.UnitTests.Services.Spreadsheets.ImportTestData;
using static TalentHub.UnitTests.Services.Spreadsheets.XlsxBuilder;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>Issue 8, items 11, 14 and 15: names that are not names, Excel's damage to identifiers, formula-safe sheets.</summary>
public sealed class NamesAndIdentifiersTests
{
    private static readonly string[] Header = ["姓名", "身份证号", "所在村（社区）", "人才类别"];
    private static readonly string GoodId = IdNumber.Create("330523", new DateOnly(1985, 3, 5), 123, Sex.Male).Value;

    private static List<ImportIssue> MapRow(object?[] cells, List<ImportIssue>? warnings = null)
    {
        var issues = new List<ImportIssue>();
        var map = ColumnMap.Build(Header, PersonRowMapper.Columns, issues);
        new PersonRowMapper(Registry, Villages, Anji).Map(new RowReader(new SheetRow(2, cells), map, PersonRowMapper.Columns, issues, warnings));
        return issues;
    }

    [Theory]
    [InlineData("=1+1", "Name.FormulaLike")]
    [InlineData("+86张三", "Name.FormulaLike")]
    [InlineData("-张三", "Name.FormulaLike")]
    [InlineData("@SUM(A1)", "Name.FormulaLike")]
    [InlineData("2", "Name.NoLetter")]
    [InlineData("---", "Name.FormulaLike")]
    [InlineData("123 456", "Name.NoLetter")]
    public void NamesThatAreNotNames_AreRowErrors(string name, string key) =>
        Assert.Contains(MapRow([name, GoodId, "余村", "高素质农民"]), i => i.Column == "A（姓名）" && i.MessageKey == key);

    [Fact]
    public void AFormulaCellInAnXlsx_IsRefused_NotImportedAsItsResult()
    {
        var file = Build(w =>
        {
            PeopleHeader(w);
            w.Write(Row(2, "<c r=\"A2\"><f>1+1</f><v>2</v></c>", Text("B2", GoodId), Text("C2", "余村"), Text("D2", "高素质农民")));
        });
        var sheet = SpreadsheetReader.Read(file, "formula.xlsx");

        var issues = MapRow([.. sheet.Rows[0].Cells]);

        Assert.IsType<FormulaCell>(sheet.Rows[0].Cells[0]);
        Assert.Contains(issues, i => i.Column == "A（姓名）" && i.MessageKey == "Import.Formula");
    }

    [Theory]
    [InlineData("3.30523E+17")]
    [InlineData("3.30523198503051E+17")]
    [InlineData("3.30523e17")]
    public void AnIdNumberThatExcelShowedInScientificNotation_InACsv_GetsTheExcelMessage(string cell) =>
        Assert.Contains(MapRow(["张三", cell, "余村", "高素质农民"]), i => i.Column == "B（身份证号）" && i.MessageKey == "Import.StoredAsNumber");

    [Fact]
    public void AnIdNumberWhoseLastDigitsExcelMayHaveRounded_IsAWarning_OnlyForAValidRow()
    {
        // A real, valid ID number that happens to end in 000 looks exactly like a rounded one.
        var rounded = Enumerable.Range(0, 1000).Select(seq => IdNumber.Create("330523", new DateOnly(1985, 3, 5), seq, Sex.Female).Value)
            .First(id => id.EndsWith("000", StringComparison.Ordinal));
        var warnings = new List<ImportIssue>();

        var issues = MapRow(["张三", rounded, "余村", "高素质农民"], warnings);

        Assert.Empty(issues);
        Assert.Contains(warnings, w => w.Row == 2 && w.MessageKey == "Import.MaybeRounded");
        Assert.False(ImportValues.MayBeRounded(GoodId));
    }

    [Fact]
    public void TheXlsxTemplate_FormatsEveryIdentifierColumnAsText()
    {
        var template = ImportTemplate.Xlsx(EntityRowMapper.Columns, "经营主体", Texts.L);

        var styles = XlsxParts.Read(template, "xl/styles.xml");
        var textStyles = XlsxParts.CellXfs(styles).Select((xf, i) => (xf, i))
            .Where(x => (string?)x.xf.Attribute("numFmtId") == "49").Select(x => x.i.ToString()).ToHashSet();
        var cols = XlsxParts.Read(template, "xl/worksheets/sheet1.xml").Descendants().Where(e => e.Name.LocalName == "col").ToList();
        var identifierColumns = EntityRowMapper.Columns.Select((c, i) => (c, i)).Where(x => ImportTemplate.IdentifierFields.Contains(x.c.Field)).ToList();

        Assert.NotEmpty(identifierColumns);
        foreach (var (column, index) in identifierColumns)
            Assert.Contains(cols, c => (int)c.Attribute("min")! <= index + 1 && index + 1 <= (int)c.Attribute("max")!
                && textStyles.Contains((string?)c.Attribute("style") ?? ""));
        Assert.NotNull(SpreadsheetReader.Read(template, "t.xlsx"));
    }

    [Fact]
    public void XlsxExports_QuotePrefixTextThatStartsLikeAFormula()
    {
        var bytes = SheetWriter.Xlsx(new SheetData("人才", ["姓名", "备注"], [["=1+1", "-已核实"], ["张三", "@home"], ["李四", "普通"]]));

        var quoted = XlsxParts.CellXfs(XlsxParts.Read(bytes, "xl/styles.xml")).Select((xf, i) => (xf, i))
            .Where(x => (string?)x.xf.Attribute("quotePrefix") == "1").Select(x => x.i.ToString()).ToHashSet();
        var cells = XlsxParts.Read(bytes, "xl/worksheets/sheet1.xml").Descendants().Where(e => e.Name.LocalName == "c")
            .ToDictionary(c => (string)c.Attribute("r")!, c => (string?)c.Attribute("s") ?? "");

        Assert.Contains(cells["A2"], quoted);
        Assert.Contains(cells["B2"], quoted);
        Assert.Contains(cells["B3"], quoted);
        Assert.DoesNotContain(cells["A3"], quoted);
        Assert.DoesNotContain(cells["B4"], quoted);
        var back = SpreadsheetReader.Read(bytes, "export.xlsx");
        Assert.Equal("=1+1", back.Rows[0].Cells[0]);
    }
}

internal static class XlsxParts
{
    public static System.Xml.Linq.XDocument Read(byte[] xlsx, string part)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        using var stream = zip.GetEntry(part)!.Open();
        return System.Xml.Linq.XDocument.Load(stream);
    }

    public static IEnumerable<System.Xml.Linq.XElement> CellXfs(System.Xml.Linq.XDocument styles) =>
        styles.Descendants().First(e => e.Name.LocalName == "cellXfs").Elements();
}
