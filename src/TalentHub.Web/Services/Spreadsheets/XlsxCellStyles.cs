using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Finishes an .xlsx written by MiniExcel with two cell styles MiniExcel cannot set: whole identifier
/// columns formatted as text (so an ID number typed into a template stays 18 digits, issue 8 item 14), and
/// text that starts with = + - @ marked quote-prefixed (so editing it in Excel cannot turn it into a live
/// formula, item 15). The sheets are streamed (XmlReader to XmlWriter, one cell at a time), so an export of
/// any size costs one pass.
/// </summary>
public static class XlsxCellStyles
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XName Xf = XName.Get("xf", Main), CellXfs = XName.Get("cellXfs", Main), Col = XName.Get("col", Main);
    private static readonly XName V = XName.Get("v", Main), T = XName.Get("t", Main), Is = XName.Get("is", Main);

    /// <param name="textColumns">Per sheet (0-based, in workbook order), the 0-based columns to format as text.</param>
    public static byte[] Apply(byte[] xlsx, IReadOnlyDictionary<int, IReadOnlyList<int>>? textColumns = null)
    {
        textColumns ??= new Dictionary<int, IReadOnlyList<int>>();
        using var input = new ZipArchive(new MemoryStream(xlsx, writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var (textStyle, quoteStyle) = (-1, -1);
            var styles = input.GetEntry("xl/styles.xml");
            if (styles is not null)
            {
                XDocument doc;
                using (var s = styles.Open()) doc = XDocument.Load(s);
                var xfs = doc.Root!.Element(CellXfs)!;
                textStyle = AddXf(xfs, new XAttribute("numFmtId", 49), new XAttribute("applyNumberFormat", 1));
                quoteStyle = AddXf(xfs, new XAttribute("numFmtId", 0), new XAttribute("quotePrefix", 1));
                using var target = zip.CreateEntry(styles.FullName, CompressionLevel.Fastest).Open();
                doc.Save(target, SaveOptions.DisableFormatting);
            }
            foreach (var entry in input.Entries.Where(e => e.FullName != "xl/styles.xml"))
            {
                using var source = entry.Open();
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (styles is not null && SheetIndex(entry.FullName) is { } sheet)
                    RewriteSheet(source, target, textColumns.GetValueOrDefault(sheet) ?? [], textStyle, quoteStyle);
                else source.CopyTo(target);
            }
        }
        return output.ToArray();
    }

    /// <summary>True when text would be taken for a formula by a spreadsheet.</summary>
    public static bool IsFormulaLike(string? text) => text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@';

    private static int AddXf(XElement cellXfs, params XAttribute[] attributes)
    {
        cellXfs.Add(new XElement(Xf, new XAttribute("fontId", 0), new XAttribute("fillId", 0), new XAttribute("borderId", 0),
            new XAttribute("xfId", 0), attributes));
        var count = cellXfs.Elements(Xf).Count();
        cellXfs.SetAttributeValue("count", count);
        return count - 1;
    }

    /// <summary>"xl/worksheets/sheet3.xml" → 2 (MiniExcel names the parts in workbook order).</summary>
    private static int? SheetIndex(string path) =>
        path.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && path.EndsWith(".xml", StringComparison.Ordinal)
        && int.TryParse(path["xl/worksheets/sheet".Length..^4], out var n) ? n - 1 : null;

    private static void RewriteSheet(Stream source, Stream target, IReadOnlyList<int> textColumns, int textStyle, int quoteStyle)
    {
        using var reader = XmlReader.Create(source, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        using var writer = XmlWriter.Create(target, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        var colsDone = textColumns.Count == 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == Main)
            {
                if (reader.LocalName == "c")
                {
                    var cell = (XElement)XNode.ReadFrom(reader);
                    if (IsFormulaLike(TextOf(cell))) cell.SetAttributeValue("s", quoteStyle);
                    cell.WriteTo(writer);
                    continue;
                }
                if (reader.LocalName == "cols" && !colsDone)
                {
                    var cols = (XElement)XNode.ReadFrom(reader);
                    StyleColumns(cols, textColumns, textStyle);
                    cols.WriteTo(writer);
                    colsDone = true;
                    continue;
                }
                if (reader.LocalName == "sheetData" && !colsDone)
                {
                    var cols = new XElement(XName.Get("cols", Main));
                    StyleColumns(cols, textColumns, textStyle);
                    cols.WriteTo(writer);
                    colsDone = true;
                }
            }
            CopyNode(reader, writer);
            reader.Read();
        }
    }

    private static string? TextOf(XElement cell) =>
        (string?)cell.Attribute("t") switch
        {
            "str" => (string?)cell.Element(V),
            "inlineStr" => string.Concat(cell.Element(Is)?.Descendants(T).Select(t => t.Value) ?? []),
            _ => null,
        };

    private static void StyleColumns(XElement cols, IReadOnlyList<int> textColumns, int textStyle)
    {
        foreach (var column in textColumns)
        {
            var number = column + 1;
            var col = cols.Elements(Col).FirstOrDefault(c => (int)c.Attribute("min")! <= number && number <= (int)c.Attribute("max")!);
            if (col is null)
            {
                col = new XElement(Col, new XAttribute("min", number), new XAttribute("max", number), new XAttribute("width", 22), new XAttribute("customWidth", 1));
                cols.Add(col);
            }
            col.SetAttributeValue("style", textStyle);
        }
        var sorted = cols.Elements(Col).OrderBy(c => (int)c.Attribute("min")!).ToList();
        cols.RemoveNodes();
        cols.Add(sorted);
    }

    private static void CopyNode(XmlReader reader, XmlWriter writer)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                var empty = reader.IsEmptyElement;
                writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                writer.WriteAttributes(reader, true);
                if (empty) writer.WriteEndElement();
                break;
            case XmlNodeType.EndElement: writer.WriteFullEndElement(); break;
            case XmlNodeType.Text: writer.WriteString(reader.Value); break;
            case XmlNodeType.CDATA: writer.WriteCData(reader.Value); break;
            case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace: writer.WriteWhitespace(reader.Value); break;
            case XmlNodeType.ProcessingInstruction: writer.WriteProcessingInstruction(reader.Name, reader.Value); break;
            case XmlNodeType.Comment: writer.WriteComment(reader.Value); break;
        }
    }
}
