using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace TalentHub.Web.Services.Import;

/// <summary>A cell whose content Excel computes (it has a formula); <see cref="Value"/> is the last computed value.</summary>
public sealed record FormulaCell(object? Value)
{
    public override string ToString() => Value?.ToString() ?? "";
}

/// <summary>
/// Finds the cells of an .xlsx's first sheet that hold a formula (MiniExcel returns only their computed
/// values, so a formula would import silently as its result). Streams the sheet part with XmlReader, within
/// the reader's caps.
/// </summary>
public static class XlsxFormulas
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <returns>Cell references such as "A2".</returns>
    public static IReadOnlySet<string> CellsOfFirstSheet(byte[] xlsx, SpreadsheetLimits limits)
    {
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var zip = new ZipArchive(new MemoryStream(xlsx, writable: false), ZipArchiveMode.Read);
        if (FirstSheetPart(zip) is not { } part) return found;
        using var reader = XmlReader.Create(part.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        string? cell = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "c") cell = reader.GetAttribute("r");
            else if (reader.LocalName == "f" && cell is not null && found.Count < limits.MaxRows * 4L) found.Add(cell);
        }
        return found;
    }

    private static ZipArchiveEntry? FirstSheetPart(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null) return zip.GetEntry("xl/worksheets/sheet1.xml");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        XDocument Load(ZipArchiveEntry e) { using var r = XmlReader.Create(e.Open(), settings); return XDocument.Load(r); }
        var id = Load(workbook).Descendants(XName.Get("sheet", Main)).FirstOrDefault()?.Attribute(XName.Get("id", OfficeRels))?.Value;
        var target = Load(rels).Root?.Elements().FirstOrDefault(r => (string?)r.Attribute("Id") == id)?.Attribute("Target")?.Value;
        if (target is null) return zip.GetEntry("xl/worksheets/sheet1.xml");
        var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
        return zip.GetEntry(path) ?? zip.GetEntry("xl/worksheets/sheet1.xml");
    }
}
