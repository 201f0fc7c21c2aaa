using System.IO.Compression;
using System.Text;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>Builds a minimal .xlsx around a sheet's XML, the way hostile or odd files are made (no Excel needed).</summary>
internal static class XlsxBuilder
{
    public static byte[] Build(Action<TextWriter> writeSheetData, string? dimension = null, IReadOnlyList<string>? sharedStrings = null)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            void Add(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="人才" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            if (sharedStrings is not null)
                Add("xl/sharedStrings.xml", """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
                    + string.Concat(sharedStrings.Select(t => $"<si><t>{System.Security.SecurityElement.Escape(t)}</t></si>")) + "</sst>");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
            if (dimension is not null) sheet.Write($"""<dimension ref="{dimension}"/>""");
            sheet.Write("<sheetData>");
            writeSheetData(sheet);
            sheet.Write("</sheetData></worksheet>");
        }
        return ms.ToArray();
    }

    public static string Text(string reference, string text) =>
        $"""<c r="{reference}" t="inlineStr"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>""";

    /// <summary>A cell holding shared string number <paramref name="index"/>, as Excel itself writes text.</summary>
    public static string Shared(string reference, int index) => $"""<c r="{reference}" t="s"><v>{index}</v></c>""";

    public static string Row(int number, params string[] cells) => $"""<row r="{number}">{string.Concat(cells)}</row>""";

    /// <summary>The people header and one good row, for files that should read normally.</summary>
    public static void PeopleHeader(TextWriter w, int row = 1) =>
        w.Write(Row(row, Text($"A{row}", "姓名"), Text($"B{row}", "身份证号"), Text($"C{row}", "所在村（社区）"), Text($"D{row}", "人才类别")));
}
