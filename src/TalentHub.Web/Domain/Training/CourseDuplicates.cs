using TalentHub.Web.Domain.Common;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Domain.Training;

/// <summary>
/// When a new course looks like one already planned (fix29c: going back to the create form and saving again made a second
/// course, since the page came back with a new submission token): same county, same title and same start date as a course
/// that is not cancelled. The create form then warns, naming the course, and saves only when "create anyway" is ticked.
/// </summary>
public static class CourseDuplicates
{
    /// <summary>
    /// The title as compared: the app's normalization (<see cref="TextNormalizer.Normalize"/>: NFKC, so full-width and
    /// half-width letters and digits are the same and the ideographic and no-break spaces plain ones; invisible characters
    /// such as zero-width spaces dropped; trimmed), upper-cased (invariant), with inner white space dropped except one space
    /// between two Latin letters or digits (polish32: "带头 人" and "带头人" were two titles; "Apple  farming" is "APPLE FARMING"),
    /// so "Ａpple 种植" and "apple种植" are one title. Courses, programmes and typical examples all compare by it. "" for null.
    /// </summary>
    public static string TitleKey(string? title)
    {
        var text = TextNormalizer.Normalize(title).ToUpperInvariant();
        if (!text.Any(char.IsWhiteSpace)) return text;
        var key = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i])) { key.Append(text[i]); continue; }
            var next = i + 1;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            if (key.Length > 0 && next < text.Length && char.IsAsciiLetterOrDigit(key[^1]) && char.IsAsciiLetterOrDigit(text[next])) key.Append(' ');
            i = next - 1;
        }
        return key.ToString();
    }

    /// <summary>Whether two titles are the same after <see cref="TitleKey"/>.</summary>
    public static bool SameTitle(string? a, string? b) => string.Equals(TitleKey(a), TitleKey(b), StringComparison.Ordinal);

    /// <summary>
    /// The start date of a course: the Asia/Shanghai calendar date of its first session, or null when it has no session
    /// yet (two courses without sessions have the same, unknown start).
    /// </summary>
    public static DateOnly? StartDate(IEnumerable<DateTimeOffset> sessionStarts)
    {
        var first = sessionStarts.Select(s => (DateTimeOffset?)s).Min();
        return first is { } f ? DateOnly.FromDateTime(f.ToShanghai().DateTime) : null;
    }
}
