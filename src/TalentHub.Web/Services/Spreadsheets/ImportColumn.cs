using TalentHub.Web.Infrastructure;
using System.Globalization;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>A column of an import file: found by its Chinese or English header (or an alias).</summary>
public sealed record ImportColumn(string Field, string Chinese, string English, bool Required = false, params string[] Aliases)
{
    /// <summary>The enum whose labels the column takes, for the template notes and the page's column list.</summary>
    public Type? Choices { get; init; }

    /// <summary>Several choices may be given, separated by 、 or commas.</summary>
    public bool Multiple { get; init; }

    public string Header(bool english) => english ? English : Chinese;

    public string CurrentHeader => Header(TalentHubCultures.IsEnglish);

    public IEnumerable<string> Names => Aliases.Append(Chinese).Append(English).Append(Field);

    /// <summary>Headers compare without spaces, case, a required-marker "*" or full-width brackets.</summary>
    public static string Normalize(string? header)
    {
        var text = (header ?? "").Trim().TrimEnd('*', '＊').TrimStart('*', '＊')
            .Replace('（', '(').Replace('）', ')');
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '_')).ToLowerInvariant();
    }
}

/// <summary>Where each known column sits in a file, read from its header row.</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _index = [];
    private readonly Dictionary<string, string> _header = [];
    private IReadOnlyList<ImportColumn> _columns = [];

    /// <summary>The zero-based column index of <paramref name="field"/> in the file, or null when the file lacks it.</summary>
    public int? IndexOf(string field) => _index.TryGetValue(field, out var i) ? i : null;

    /// <summary>The column as the user knows it: its letter and its header in the file, e.g. "C（身份证号）".</summary>
    public string Describe(ImportColumn column) =>
        _index.TryGetValue(column.Field, out var i)
            ? $"{SpreadsheetReader.ColumnLetter(i)}（{_header[column.Field]}）"
            : column.CurrentHeader;

    /// <summary>
    /// Sorts <paramref name="issues"/> as every import lists them (imports32: a row's errors came in the order they were
    /// found): by row, and within a row in the order of the file's columns; an issue on a column the file lacks after
    /// those (in the importer's order of columns), one naming a column this map does not know next, and one naming no
    /// column (a row-level finding such as an enrollment refusal) last. Stable: issues of the same cell keep their order.
    /// </summary>
    public void Order(List<ImportIssue> issues)
    {
        var rank = new Dictionary<string, int>();
        foreach (var (column, position) in _columns.Select((c, i) => (c, i)))
            rank.TryAdd(Describe(column), _index.TryGetValue(column.Field, out var i) ? i : int.MaxValue / 2 + position);
        var sorted = issues.OrderBy(e => e.Row)
            .ThenBy(e => e.Column is null ? int.MaxValue : rank.TryGetValue(e.Column, out var r) ? r : int.MaxValue - 1)
            .ToList();
        issues.Clear();
        issues.AddRange(sorted);
    }

    /// <summary>Maps the header row; a missing required column or a column given twice is reported on the header's row.</summary>
    public static ColumnMap Build(IReadOnlyList<object?> header, IReadOnlyList<ImportColumn> columns, List<ImportIssue> issues, int headerRow = 1)
    {
        var map = new ColumnMap { _columns = columns };
        var byName = new Dictionary<string, ImportColumn>();
        foreach (var column in columns)
            foreach (var name in column.Names)
                byName.TryAdd(ImportColumn.Normalize(name), column);

        for (var i = 0; i < header.Count; i++)
        {
            var text = ImportValues.Text(header[i]);
            if (text is null || !byName.TryGetValue(ImportColumn.Normalize(text), out var column)) continue;
            if (map._index.ContainsKey(column.Field))
            {
                issues.Add(new ImportIssue(headerRow, $"{SpreadsheetReader.ColumnLetter(i)}（{text}）", "Import.DuplicateColumn"));
                continue;
            }
            map._index[column.Field] = i;
            // Shown as in the file (full-width brackets and all), though matched normalised.
            map._header[column.Field] = (header[i] as string)?.Trim() ?? text;
        }
        foreach (var missing in columns.Where(c => c.Required && !map._index.ContainsKey(c.Field)))
            issues.Add(new ImportIssue(headerRow, missing.CurrentHeader, "Import.MissingColumn"));
        return map;
    }
}
