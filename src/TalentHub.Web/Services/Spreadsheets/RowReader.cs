using TalentHub.Web.Infrastructure;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Reads the cells of one row by column and records every problem as an <see cref="ImportIssue"/>
/// (row, column, reason), so one pass over a row reports all of its errors.
/// </summary>
public sealed class RowReader(SheetRow row, ColumnMap map, IReadOnlyList<ImportColumn> columns, List<ImportIssue> issues,
    List<ImportIssue>? warnings = null)
{
    private readonly int _issuesBefore = issues.Count;

    public int Number => row.Number;

    /// <summary>True when nothing wrong was found in this row so far.</summary>
    public bool IsValid => issues.Count == _issuesBefore;

    /// <summary>The column definition of <paramref name="field"/>; throws <see cref="InvalidOperationException"/> for a field not among the importer's columns.</summary>
    public ImportColumn Column(string field) => columns.First(c => c.Field == field);

    /// <summary>The cell of <paramref name="field"/> in this row as the reader gave it, or null when the file lacks the column or the row is short.</summary>
    public object? Cell(string field) =>
        map.IndexOf(field) is { } i && i < row.Cells.Count ? row.Cells[i] : null;

    /// <summary>Records a problem with this row's <paramref name="field"/>: resource <paramref name="messageKey"/> with <paramref name="args"/>, at the row number and column letter.</summary>
    public void Fail(string field, string messageKey, params object[] args) =>
        issues.Add(new ImportIssue(row.Number, map.Describe(Column(field)), messageKey, args));

    /// <summary>Text, required when the column is; too long is an error, and so is a formula (its result is not what was typed).</summary>
    public string? Text(string field, int maxLength)
    {
        if (Cell(field) is FormulaCell)
        {
            Fail(field, "Import.Formula");
            return null;
        }
        var text = ImportValues.Text(Cell(field));
        if (text is null)
        {
            if (Column(field).Required) Fail(field, "Import.Required");
            return null;
        }
        if (text.Length > maxLength)
        {
            Fail(field, "Import.TooLong", maxLength);
            return null;
        }
        return text;
    }

    /// <summary>
    /// A person's or entity's name: text that is not formula-like (= + - @ first) and has at least one letter
    /// (rule: <see cref="Domain.Common.PersonName"/>).
    /// </summary>
    public string? Name(string field, int maxLength)
    {
        // Measured as stored: names are kept NFKC-normalised, which can lengthen them (㍿ is 株式会社), so a name within the
        // limit as typed could exceed its column (rev35b).
        var typed = Text(field, int.MaxValue);
        if (typed is null) return null;
        var text = Domain.Common.TextNormalizer.Normalize(typed);
        if (text.Length > maxLength)
        {
            Fail(field, "Import.TooLong", maxLength);
            return null;
        }
        if (Domain.Common.PersonName.Problem(text) is { } problem)
        {
            Fail(field, problem);
            return null;
        }
        return text;
    }

    /// <summary>
    /// An identifier (ID number, credit code) that Excel must not have stored as a number (in an .xlsx or as
    /// "3.30523E+17" in a CSV); digits Excel may have rounded are a warning the clerk confirms.
    /// </summary>
    public string? Identifier(string field)
    {
        if (ImportValues.IsLongNumber(Cell(field)))
        {
            Fail(field, "Import.StoredAsNumber");
            return null;
        }
        var text = Text(field, 40);
        if (ImportValues.MayBeRounded(text))
            warnings?.Add(new ImportIssue(row.Number, map.Describe(Column(field)), "Import.MaybeRounded"));
        return text;
    }

    /// <summary>
    /// A whole number in [<paramref name="min"/>, <paramref name="max"/>]; null with an issue when missing (and required),
    /// not a number, a number with a fraction (1.5: "must be a whole number", imports32 — it said "must be a number") or
    /// out of range (a whole number too large for the column too).
    /// </summary>
    public int? Int(string field, int min, int max)
    {
        var cell = Cell(field);
        if (ImportValues.Text(cell) is null) { RequiredMissing(field); return null; }
        if (!ImportValues.TryInt(cell, out var value))
        {
            if (!ImportValues.TryDecimal(cell, out var number)) Fail(field, "Import.NotANumber");
            else if (decimal.Truncate(number) != number) Fail(field, "Import.NotWholeNumber");
            else Fail(field, "Import.OutOfRange", min, max);
            return null;
        }
        if (value < min || value > max) { Fail(field, "Import.OutOfRange", min, max); return null; }
        return value;
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>] (the column's unit, e.g. 亩 or 万元); null with an issue when missing (and required), not a number, out of range or with more than <paramref name="places"/> decimal places.</summary>
    public decimal? Decimal(string field, decimal min, decimal max, int places)
    {
        var cell = Cell(field);
        if (ImportValues.Text(cell) is null) { RequiredMissing(field); return null; }
        if (!ImportValues.TryDecimal(cell, out var value)) { Fail(field, "Import.NotANumber"); return null; }
        if (value < min || value > max) { Fail(field, "Import.OutOfRange", min, max); return null; }
        // The column keeps this many places (SQLite would keep more as typed, PostgreSQL round them): refused, not rounded.
        if (decimal.Round(value, places) != value) { Fail(field, "Import.TooManyDecimals", places); return null; }
        return value;
    }

    /// <summary>A calendar date (see <see cref="ImportValues.TryDate"/>); null with an issue when missing (and required) or not a date.</summary>
    public DateOnly? Date(string field)
    {
        var cell = Cell(field);
        if (ImportValues.Text(cell) is null) { RequiredMissing(field); return null; }
        if (!ImportValues.TryDate(cell, out var value)) { Fail(field, "Import.NotADate"); return null; }
        return value;
    }

    /// <summary>Yes/no (是/否 and the like, see <see cref="ImportValues.TryBool"/>); false with an issue when unreadable.</summary>
    public bool Bool(string field)
    {
        if (ImportValues.TryBool(Cell(field), out var value)) return value;
        Fail(field, "Import.NotYesNo");
        return false;
    }

    /// <summary>One choice, by Chinese label, English label or enum name.</summary>
    public T? Choice<T>(string field) where T : struct, Enum
    {
        var text = ImportValues.Text(Cell(field));
        if (text is null) { RequiredMissing(field); return null; }
        if (ImportLabels.TryParse<T>(text, out var value)) return value;
        Fail(field, "Import.UnknownChoice", text, ImportLabels.Choices<T>(TalentHubCultures.IsEnglish));
        return null;
    }

    /// <summary>Several choices separated by 、 , ， ; ； / or |.</summary>
    public List<T> Choices<T>(string field) where T : struct, Enum
    {
        var text = ImportValues.Text(Cell(field));
        var found = new List<T>();
        if (text is null) { RequiredMissing(field); return found; }
        foreach (var part in text.Split(ChoiceSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ImportLabels.TryParse<T>(part, out var value)) found.Add(value);
            else Fail(field, "Import.UnknownChoice", part, ImportLabels.Choices<T>(TalentHubCultures.IsEnglish));
        }
        return found;
    }

    /// <summary>What separates several choices in one cell; one array for every row (a literal here was a new array per call).</summary>
    private static readonly char[] ChoiceSeparators = ['、', ',', '，', ';', '；', '/', '|'];

    /// <summary>Runs a domain rule; a <see cref="DomainException"/> becomes an issue on <paramref name="field"/>.</summary>
    public bool Try(string field, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (DomainException ex)
        {
            Fail(field, ex.MessageKey, ex.Args);
            return false;
        }
    }

    private void RequiredMissing(string field)
    {
        if (Column(field).Required) Fail(field, "Import.Required");
    }
}
