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
    /// half-width letters and digits are the same; invisible characters dropped; trimmed), upper-cased (invariant), so
    /// "Ａpple 种植" and "apple 种植" are one title. "" for null.
    /// </summary>
    public static string TitleKey(string? title) => TextNormalizer.Normalize(title).ToUpperInvariant();

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
