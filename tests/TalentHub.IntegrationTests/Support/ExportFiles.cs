using System.Text;
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

    /// <summary>The first sheet's rows as text cells (numbers in invariant digits), header row included.</summary>
    public static List<string[]> Xlsx(byte[] bytes) =>
        MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
}
