using System.Text;
using System.Xml.Linq;
using MiniExcelLibs;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>
/// xlsx16: a report sheet's lines above the header (title) and below the rows (paragraphs), its frozen header, and its
/// per-column number formats and widths; plain list exports keep their header in row 1 (frozen, MiniExcel's default).
/// </summary>
public sealed class ReportSheetLayoutTests
{
    private static XElement Pane(byte[] xlsx, int sheet) =>
        XlsxParts.Read(xlsx, $"xl/worksheets/sheet{sheet}.xml").Descendants().SingleOrDefault(e => e.Name.LocalName == "pane")!;

    [Fact]
    public void Xlsx_TitleAndParagraphs_AroundTheTable_HeaderFrozen_ShorterTitleBlockPadded()
    {
        var report = new SheetData("Report", ["Rank", "Share"], [[1, 0.25m], [2, 0.5m]])
        {
            Above = ["Title", "Issued"],
            Below = ["Paragraph one", "Paragraph two"],
            Columns = [new("0", 6), new("0.0%", 12)],
        };
        var other = new SheetData("Other", ["Name"], [["x"]]) { Above = ["Only one line"] };

        var bytes = SheetWriter.Xlsx(report, other);

        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: "Report").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Title", "Issued", "Rank"], rows.Take(3).Select(r => r["A"]));
        Assert.Equal(0.25, Convert.ToDouble(rows[3]["B"]));
        Assert.Equal(["Paragraph one", "Paragraph two"], rows.TakeLast(2).Select(r => r["A"]));
        Assert.Null(rows[^3]["A"]); // one empty row between the table and the paragraphs
        Assert.Equal("3", (string?)Pane(bytes, 1).Attribute("ySplit"));
        var others = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: "Other").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Only one line", null, "Name", "x"], others.Select(r => r["A"]));
        Assert.Equal("3", (string?)Pane(bytes, 2).Attribute("ySplit"));

        var styles = XlsxParts.Read(bytes, "xl/styles.xml");
        Assert.Contains(styles.Descendants().Where(e => e.Name.LocalName == "numFmt"), f => (string?)f.Attribute("formatCode") == "0.0%");
        var cols = XlsxParts.Read(bytes, "xl/worksheets/sheet1.xml").Descendants().Where(e => e.Name.LocalName == "col").ToList();
        Assert.Equal(2, cols.Count);
    }

    [Fact]
    public void Xlsx_PlainSheets_KeepTheHeaderInRowOne_FrozenAlone()
    {
        var bytes = SheetWriter.Xlsx(new SheetData("List", ["Name"], [["a"]]));
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Name", "a"], rows.Select(r => r["A"]));
        Assert.Equal("1", (string?)Pane(bytes, 1).Attribute("ySplit"));
    }

    [Fact]
    public void Csv_WritesTheLinesAboveAndBelow()
    {
        var csv = Encoding.UTF8.GetString(SheetWriter.Csv(new SheetData("R", ["a", "b"], [[1, 2]]) { Above = ["Title"], Below = ["Note, with comma"] })[3..]);
        Assert.Equal("Title\r\na,b\r\n1,2\r\n\r\n\"Note, with comma\"\r\n", csv);
    }
}
