using System.Globalization;

namespace TalentHub.Web.Domain.Training;

/// <summary>
/// The mark a roll-call or sign-in-sheet row showed when the page was loaded: the mark and its
/// <see cref="AttendanceRecord.MarkedAt"/> in UTC ticks, or <see cref="None"/> when the trainee had no mark yet. Posted per row as
/// a hidden <c>Stamps[enrollment id]</c> in the text form of <see cref="ToString"/> ("Late@638712345678901234", or "none").
/// Two stamps are equal when mark and instant are; a row whose stored stamp differs from the posted one was changed since.
/// </summary>
public readonly record struct MarkStamp(AttendanceMark? Mark, long? Ticks)
{
    /// <summary>No mark was taken.</summary>
    public static readonly MarkStamp None = new(null, null);

    /// <summary>The stamp of a stored mark (<paramref name="markedAt"/> as stored, any offset), or <see cref="None"/> when either is null.</summary>
    public static MarkStamp Of(AttendanceMark? mark, DateTimeOffset? markedAt) =>
        mark is { } m && markedAt is { } at ? new(m, at.UtcTicks) : None;

    /// <summary>"none", or the mark's name and the UTC ticks joined by '@' ("Present@638712345678901234").</summary>
    public override string ToString() =>
        Mark is { } m && Ticks is { } t ? m + "@" + t.ToString(CultureInfo.InvariantCulture) : "none";

    /// <summary>
    /// Reads the text of <see cref="ToString"/>; false for anything else (a mark by number, a name that is no mark, a negative or
    /// non-numeric instant, surrounding spaces): a tampered or damaged form says nothing about what it showed.
    /// </summary>
    public static bool TryParse(string? text, out MarkStamp stamp)
    {
        stamp = None;
        if (text == "none") return true;
        var at = text?.IndexOf('@') ?? -1;
        if (at <= 0) return false;
        var name = text![..at];
        if (char.IsAsciiDigit(name[0]) || !Enum.TryParse<AttendanceMark>(name, out var mark) || !Enum.IsDefined(mark)
            || name != mark.ToString()) return false;
        if (!long.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return false;
        stamp = new(mark, ticks);
        return true;
    }
}
