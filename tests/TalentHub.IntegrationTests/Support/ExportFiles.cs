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

    /// <summary>The first sheet's rows as text cells (numbers in invariant digits), header row included.</summary>
    public static List<string[]> Xlsx(byte[] bytes) =>
        MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
}
