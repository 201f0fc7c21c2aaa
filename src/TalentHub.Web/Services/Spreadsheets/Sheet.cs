namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The first sheet of an upload: the header row and the data rows below it. The header is row 1 unless
/// <see cref="WithHeaderFor"/> finds it lower, under a title row (common in county sheets: "安吉县2027年人才花名册").
/// </summary>
public sealed record Sheet(IReadOnlyList<object?> Header, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>How many rows from the top may hold titles before the header.</summary>
    public const int HeaderSearchRows = 5;

    /// <summary>The header's row number (1 unless titles stand above it).</summary>
    public int HeaderRow { get; init; } = 1;

    internal IReadOnlyList<SheetRow> Above { get; init; } = [];

    /// <summary>Every row as it was in the file: the title rows, the header, the data rows.</summary>
    internal IEnumerable<SheetRow> AllRows => Above.Append(new SheetRow(HeaderRow, Header)).Concat(Rows);

    /// <summary>
    /// The first non-empty row as the header and the rows below it. Throws <see cref="ImportFileException"/>
    /// <c>Import.NoHeader</c> when every row is empty.
    /// </summary>
    public static Sheet From(List<SheetRow> rows)
    {
        if (rows.Count == 0 || rows.All(r => r.IsEmpty)) throw new ImportFileException("Import.NoHeader");
        var first = rows.FindIndex(r => !r.IsEmpty);
        return new Sheet(rows[first].Cells, rows.Skip(first + 1).ToList()) { HeaderRow = rows[first].Number, Above = rows.Take(first).ToList() };
    }

    /// <summary>
    /// The row among the first <see cref="HeaderSearchRows"/> that names most of <paramref name="columns"/> is
    /// the header; the rows above it (titles) are dropped. Row numbers stay those of the spreadsheet.
    /// </summary>
    public Sheet WithHeaderFor(IReadOnlyList<ImportColumn> columns)
    {
        var known = columns.SelectMany(c => c.Names).Select(ImportColumn.Normalize).ToHashSet();
        int Score(IReadOnlyList<object?> cells) => cells.Count(c => ImportValues.Text(c) is { } t && known.Contains(ImportColumn.Normalize(t)));
        var all = AllRows.ToList();
        var candidates = all.Where(r => !r.IsEmpty).Take(HeaderSearchRows).ToList();
        var best = candidates.OrderByDescending(r => Score(r.Cells)).ThenBy(r => r.Number).First();
        if (best.Number == HeaderRow || Score(best.Cells) == 0) return this;
        return new Sheet(best.Cells, all.Where(r => r.Number > best.Number).ToList())
        {
            HeaderRow = best.Number, Above = all.Where(r => r.Number < best.Number).ToList(),
        };
    }
}

/// <summary>
/// What a spreadsheet may cost (issue 8, item 8), from <see cref="ImportOptions"/>: data rows, columns read,
/// characters kept per cell, and the unpacked size of an .xlsx in bytes.
/// </summary>
public sealed record SpreadsheetLimits(int MaxRows, int MaxColumns, long MaxUnpackedBytes, int MaxCellCharacters)
{
    public static readonly SpreadsheetLimits Default = new ImportOptions().Limits;

    /// <summary>Rows read at most: the data rows plus room for title rows and the header.</summary>
    public int ReadRows => MaxRows + Sheet.HeaderSearchRows + 1;

    public string MaxUnpackedMegabytesText =>
        (MaxUnpackedBytes / 1024d / 1024d).ToString("#,0.##", System.Globalization.CultureInfo.CurrentCulture);
}
