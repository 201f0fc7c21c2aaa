using System.Globalization;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Context-specific password rules (OWASP ASVS 5.0 6.2.11): no product name, not the published demo
/// password, none of the user's own identifiers (name, user name, mobile, ID number), no trivial
/// repeats or runs. Compared on a folded form (lower case, letters and digits only).
/// </summary>
public static class PasswordContext
{
    /// <summary>Why a password was refused; the localized message key is "Identity.Password" + the name.</summary>
    public enum Refusal { None, ProductName, DemoPassword, PersonalData, Trivial }

    /// <summary>The product's names in both languages and the domain words a guesser tries first.</summary>
    public static readonly string[] ProductNames = ["talenthub", "talent hub", "人才服务平台", "乡村人才", "湖州人才"];

    /// <summary>The demo password published in the README and PRODUCT §12.</summary>
    public const string DemoPassword = "talenthub-demo-2026";

    /// <summary>Checks <paramref name="password"/> against the product and the user's own <paramref name="personal"/> values.</summary>
    public static Refusal Check(string password, IEnumerable<string?> personal)
    {
        var folded = Fold(password);
        if (folded == Fold(DemoPassword)) return Refusal.DemoPassword;
        if (ProductNames.Any(n => folded.Contains(Fold(n), StringComparison.Ordinal))) return Refusal.ProductName;
        if (personal.Select(Fold).Any(p => p.Length >= 2 && folded.Contains(p, StringComparison.Ordinal))) return Refusal.PersonalData;
        return IsTrivial(folded) ? Refusal.Trivial : Refusal.None;
    }

    /// <summary>Three or fewer distinct characters, one short unit repeated ("abcabcabcabc"), or a run ("123456789012").</summary>
    public static bool IsTrivial(string folded)
    {
        if (folded.Length == 0) return true;
        var elements = StringInfo.GetTextElementEnumerator(folded);
        var chars = new List<string>();
        while (elements.MoveNext()) chars.Add(elements.GetTextElement());
        if (chars.Distinct().Count() <= 3) return true;
        for (var unit = 1; unit <= chars.Count / 2; unit++)
            if (chars.Count % unit == 0 && Enumerable.Range(unit, chars.Count - unit).All(i => chars[i] == chars[i % unit])) return true;
        return IsRun(folded, +1) || IsRun(folded, -1);
    }

    private static bool IsRun(string s, int step)
    {
        for (var i = 1; i < s.Length; i++)
        {
            var expected = s[i - 1] + step;
            var wrapped = char.IsDigit(s[i - 1]) ? '0' + ((s[i - 1] - '0' + step + 10) % 10) : expected;
            if (s[i] != expected && s[i] != wrapped) return false;
        }
        return true;
    }

    /// <summary>Lower case, letters and digits only (so "Talent-Hub" and "talenthub" fold alike).</summary>
    public static string Fold(string? value) =>
        value is null ? "" : new string(value.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
