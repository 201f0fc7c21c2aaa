namespace TalentHub.Web.Domain.Common;

/// <summary>
/// What a name (of a person or an entity) must be, on every input path (issue 8, item 11): not formula-like
/// — Excel would run "=1+1" or "@SUM(…)" when the export is edited — and containing at least one letter
/// (a Chinese character counts), so "2" or "---" is refused.
/// </summary>
public static class PersonName
{
    /// <summary>First characters that make a spreadsheet treat text as a formula.</summary>
    public static bool IsFormulaLike(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';

    /// <summary>A message key for what is wrong with <paramref name="name"/>, or null when it is a name.</summary>
    public static string? Problem(string? name)
    {
        var text = TextNormalizer.Normalize(name);
        if (text.Length == 0) return null;
        if (IsFormulaLike(text)) return "Name.FormulaLike";
        return text.Any(char.IsLetter) ? null : "Name.NoLetter";
    }
}
