using TalentHub.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The downloadable template of an import, in the language of the page it was downloaded from: headers in that language
/// (the import finds a column by its Chinese or English header, so either file imports); the .xlsx also has a notes sheet
/// (填写说明 / Notes) with each column's other-language header, whether it is required, the choices and how to fill it.
/// </summary>
public static class ImportTemplate
{
    /// <summary>Fields with a fill-in note: resource key <c>Import.Note.{Field}</c>.</summary>
    private static readonly HashSet<string> NotedFields =
        ["IdNumber", "LegalRepresentative", "Mobile", "Sex", "BirthDate", "Village", "LocalTalentType", "Origin", "ReturnedOn", "RegisteredOn", "CreditCode", "CodeVerified", "RatingYear"];

    /// <summary>The .csv template: the header row only, UTF-8 with BOM (so Excel opens it as UTF-8).</summary>
    public static byte[] Csv(IReadOnlyList<ImportColumn> columns) =>
        SheetWriter.Csv(new SheetData("", columns.Select(c => c.CurrentHeader).ToList(), []));

    /// <summary>Columns that hold identifiers (ID numbers, mobiles, credit codes): formatted as text in the .xlsx template.</summary>
    public static readonly IReadOnlySet<string> IdentifierFields = new HashSet<string> { "IdNumber", "Mobile", "CreditCode", "LegalRepresentative" };

    /// <summary>
    /// The .xlsx template: the header row (identifier columns formatted as text, so Excel keeps 18-digit numbers) on a sheet
    /// named <paramref name="sheetName"/>, and the notes sheet, texts from <paramref name="l"/> in the current UI culture.
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<ImportColumn> columns, string sheetName, IStringLocalizer l)
    {
        var english = TalentHubCultures.IsEnglish;
        return SheetWriter.XlsxWithTextColumns(
            new Dictionary<int, IReadOnlyList<int>>
            {
                [0] = columns.Select((c, i) => (c, i)).Where(x => IdentifierFields.Contains(x.c.Field)).Select(x => x.i).ToList(),
            },
            new SheetData(sheetName, columns.Select(c => c.Header(english)).ToList(), []),
            new SheetData(l["Import.Notes.Sheet"], [l["Import.Notes.Column"], l["Import.Notes.OtherHeader"], l["Import.Notes.Required"], l["Import.Notes.Note"]],
                columns.Select(c => (IReadOnlyList<object?>)
                [
                    c.Header(english), c.Header(!english), c.Required ? l["Import.Notes.RequiredYes"].Value : "",
                    string.Join(l["Import.Notes.Separator"], new[]
                    {
                        c.Choices is { } type ? l[c.Multiple ? "Import.Notes.ChoicesMany" : "Import.Notes.Choices", ImportLabels.Choices(type, english)].Value : null,
                        NotedFields.Contains(c.Field) ? l["Import.Note." + c.Field].Value : null,
                    }.Where(n => n is not null)),
                ]).ToList()));
    }
}
