using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>A cell whose content Excel computes (it has a formula); <see cref="Value"/> is the last computed value.</summary>
public sealed record FormulaCell(object? Value)
{
    public override string ToString() => Value?.ToString() ?? "";
}

/// <summary>What <see cref="XlsxInspection"/> found in the first sheet.</summary>
/// <param name="Formulas">References ("A2") of cells holding a formula.</param>
/// <param name="LastColumn">0-based index of the rightmost column with content within the column cap; -1 when none.</param>
/// <param name="LastRow">The last row number with content (1-based; 0 when none).</param>
public sealed record XlsxShape(IReadOnlySet<string> Formulas, int LastColumn, int LastRow);

/// <summary>
/// Looks at an .xlsx before MiniExcel reads it, in one streaming pass (XmlReader over the zip parts):
/// every part is really unpacked and counted against <see cref="SpreadsheetLimits.MaxUnpackedBytes"/>; the
/// first sheet's rows with content are counted against the row cap, stopping at the first row too many; and
/// the cells holding a formula are noted (MiniExcel returns only their computed values, so a formula would
/// import silently as its result), and so are the rightmost column and the last row holding content (within the
/// caps), so the reader asks MiniExcel for exactly that range — a 6-column sheet is read as 6 columns, not as the
/// 100-column cap (that cost 10,000 rows 0.6 s). A zip bomb or a million-row sheet costs at most the caps.
/// </summary>
public static class XlsxInspection
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <returns>References ("A2") of the first sheet's formula cells, and the extent of its content.</returns>
    public static XlsxShape Inspect(byte[] xlsx, SpreadsheetLimits limits, CancellationToken ct)
    {
        var formulas = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var extent = new Extent();
        var budget = new Budget(limits);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(xlsx, writable: false), ZipArchiveMode.Read);
            var first = FirstSheetPath(zip, budget);
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName == first ? 0 : 1))
            {
                ct.ThrowIfCancellationRequested();
                using var part = new CountingStream(entry.Open(), budget);
                if (entry.FullName == first) ScanSheet(part, formulas, extent, limits, ct);
                else part.CopyTo(Stream.Null);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or XmlException or NotSupportedException)
        {
            throw new ImportFileException("Import.FileUnreadable");
        }
        return new XlsxShape(formulas, extent.LastColumn, extent.LastRow);
    }

    private sealed class Extent
    {
        public int LastColumn = -1;
        public int LastRow;
    }

    private static void ScanSheet(Stream sheet, HashSet<string> formulas, Extent extent, SpreadsheetLimits limits, CancellationToken ct)
    {
        using var reader = XmlReader.Create(sheet, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        var row = 0;
        string? cell = null;
        var cellInRange = false;
        var column = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "row":
                    row = int.TryParse(reader.GetAttribute("r"), out var r) ? r : row + 1;
                    column = -1;
                    if (row % 1000 == 0) ct.ThrowIfCancellationRequested();
                    break;
                case "c":
                    cell = reader.GetAttribute("r");
                    // A cell without a reference follows the one before it in its row.
                    column = cell is null ? column + 1 : ColumnOf(cell);
                    cellInRange = column < limits.MaxColumns;
                    break;
                case "v" or "is" or "f" when cellInRange:
                    if (row > limits.ReadRows) throw new ImportFileException("Import.TooManyRows", limits.MaxRows);
                    if (reader.LocalName == "f" && cell is not null) formulas.Add(cell);
                    extent.LastColumn = Math.Max(extent.LastColumn, column);
                    extent.LastRow = Math.Max(extent.LastRow, row);
                    break;
            }
        }
    }

    /// <summary>The 0-based column of a reference such as "AB12".</summary>
    private static int ColumnOf(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private static string? FirstSheetPath(ZipArchive zip, Budget budget)
    {
        var workbook = zip.GetEntry("xl/workbook.xml");
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        const string fallback = "xl/worksheets/sheet1.xml";
        if (workbook is null || rels is null) return fallback;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        XDocument Load(ZipArchiveEntry e)
        {
            using var r = XmlReader.Create(new CountingStream(e.Open(), budget), settings);
            return XDocument.Load(r);
        }
        var id = Load(workbook).Descendants(XName.Get("sheet", Main)).FirstOrDefault()?.Attribute(XName.Get("id", OfficeRels))?.Value;
        var target = Load(rels).Root?.Elements().FirstOrDefault(r => (string?)r.Attribute("Id") == id)?.Attribute("Target")?.Value;
        if (target is null) return fallback;
        return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
    }

    private sealed class Budget(SpreadsheetLimits limits)
    {
        private long _used;

        /// <summary>Counts unpacked bytes; throws <see cref="ImportFileException"/> <c>Import.TooLargeUnpacked</c> past the cap (a zip bomb).</summary>
        public void Spend(int bytes)
        {
            _used += bytes;
            if (_used > limits.MaxUnpackedBytes) throw new ImportFileException("Import.TooLargeUnpacked", limits.MaxUnpackedMegabytesText);
        }
    }

    /// <summary>A read-only view of an unpacking stream that charges every byte to the budget.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
