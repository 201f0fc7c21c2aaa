using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using MiniExcelLibs;

namespace TalentHub.IntegrationTests.Support;

/// <summary>Reads an export's bytes back: a UTF-8 CSV with its BOM, or the first sheet of an .xlsx, header row first.</summary>
public static class ExportFiles
{
    /// <summary>The CSV's rows as text cells; asserts the UTF-8 BOM Excel needs to read Chinese.</summary>
    public static List<string[]> Csv(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return TalentHub.Web.Services.Spreadsheets.SpreadsheetReader.ReadCsv(Encoding.UTF8.GetString(bytes[3..]))
            .Select(r => r.Cells.Select(c => (string)c!).ToArray()).ToList();
    }

    /// <summary>
    /// A download's two names from its Content-Disposition (an attachment): the plain <c>filename</c>, checked to be
    /// printable ASCII, and the UTF-8 <c>filename*</c> in the UI language.
    /// </summary>
    public static (string Ascii, string Name) Names(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        var ascii = disposition.FileName!.Trim('"');
        Assert.True(ascii.All(c => c is > ' ' and < '\u007f'), ascii);
        return (ascii, disposition.FileNameStar!);
    }

    /// <summary>
    /// The first sheet's rows as text cells (numbers in invariant digits; a date cell as yyyy-MM-dd HH:mm, or yyyy-MM-dd at
    /// midnight), header row included.
    /// </summary>
    public static List<string[]> Xlsx(byte[] bytes) =>
        XlsxValues(bytes).Select(r => r.Select(v => v switch
        {
            DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        }).ToArray()).ToList();

    /// <summary>The first sheet's rows as MiniExcel reads the cells (a date cell is a <see cref="DateTime"/>), header row included.</summary>
    public static List<object?[]> XlsxValues(byte[] bytes) =>
        MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();

    /// <summary>The number format code of cell <paramref name="reference"/> (e.g. "A2") of the first sheet; null for General or a text cell.</summary>
    public static string? XlsxNumberFormat(byte[] bytes, string reference)
    {
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(bytes));
        XDocument Load(string name) { using var s = zip.GetEntry(name)!.Open(); return XDocument.Load(s); }
        var cell = Load("xl/worksheets/sheet1.xml").Descendants(x + "c").Single(c => (string?)c.Attribute("r") == reference);
        if ((string?)cell.Attribute("t") is "s" or "str" or "inlineStr") return null;
        var styles = Load("xl/styles.xml");
        var xf = styles.Descendants(x + "cellXfs").Single().Elements(x + "xf").ElementAt((int?)cell.Attribute("s") ?? 0);
        var id = (int)xf.Attribute("numFmtId")!;
        return styles.Descendants(x + "numFmt").FirstOrDefault(f => (int)f.Attribute("numFmtId")! == id) is { } custom ? (string)custom.Attribute("formatCode")!
            : id == 0 ? null : "builtin:" + id;
    }
}
