using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using MiniExcelLibs;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>
/// fix36: exports wrote times as text ("yyyy-MM-dd HH:mm" as given, not Shanghai, and the audit export in the page's Chinese
/// words). Every export now writes an instant as a real date-time cell at its Asia/Shanghai time and a day as a date cell in
/// .xlsx, and ISO 8601 text in .csv.
/// </summary>
public sealed class SheetDatesTests
{
    // 2027-03-05 01:30 UTC = 09:30 in Shanghai.
    private static readonly DateTimeOffset Instant = new(2027, 3, 5, 1, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2027, 3, 5);

    private static SheetData Sheet() => new("记录", ["时间", "日期", "名称"], [[Instant, Day, "白茶"], [null, null, "竹林"]]);

    [Fact]
    public void Csv_WritesAnInstantAsIso8601AtShanghaiTime_AndADayAsIsoDate()
    {
        var lines = Encoding.UTF8.GetString(SheetWriter.Csv(Sheet())[3..]).Split("\r\n");

        Assert.Equal("2027-03-05T09:30:00+08:00,2027-03-05,白茶", lines[1]);
        Assert.Equal(",,竹林", lines[2]);
    }

    [Fact]
    public void Xlsx_WritesRealDateCells_WithDateFormats()
    {
        var bytes = SheetWriter.Xlsx(Sheet());

        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        Assert.Equal(new DateTime(2027, 3, 5, 9, 30, 0), rows[1][0]);
        Assert.Equal(new DateTime(2027, 3, 5), rows[1][1]);
        Assert.Equal("白茶", rows[1][2]);
        Assert.Equal(("yyyy-mm-dd hh:mm", "yyyy-mm-dd"), (FormatOf(bytes, "A2"), FormatOf(bytes, "B2")));
    }

    private static string? FormatOf(byte[] bytes, string reference)
    {
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(bytes));
        XDocument Load(string name) { using var s = zip.GetEntry(name)!.Open(); return XDocument.Load(s); }
        var cell = Load("xl/worksheets/sheet1.xml").Descendants(x + "c").Single(c => (string?)c.Attribute("r") == reference);
        Assert.Null(cell.Attribute("t")); // a number, not text
        var styles = Load("xl/styles.xml");
        var id = (int)styles.Descendants(x + "cellXfs").Single().Elements(x + "xf").ElementAt((int)cell.Attribute("s")!).Attribute("numFmtId")!;
        return (string?)styles.Descendants(x + "numFmt").FirstOrDefault(f => (int)f.Attribute("numFmtId")! == id)?.Attribute("formatCode");
    }
}
