using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Domain.Training;

/// <summary>
/// What a row of the roll call or sign-in sheet showed when the page was loaded: its <see cref="Stamp"/>, and the mark the row
/// posts when the user leaves it as shown (<see cref="Untouched"/>: the roll call's checked radio, the shown mark; the sign-in
/// sheet's unticked row with no mark reads as Absent; "all present" treats every unmarked row as Present).
/// </summary>
public readonly record struct ShownRow(MarkStamp Stamp, AttendanceMark? Untouched);

/// <summary>
/// A page loaded at 09:00 must not overwrite marks set after it (a farmer's check-in, another clerk's roll call or sign-in sheet):
/// a row whose stored stamp differs from the one the page showed keeps the stored mark — quietly when the user did not touch the
/// row (the page only re-posted what it showed) or chose what is stored anyway, and with a message naming the trainee when the
/// user changed that very row. Rows posted without a stamp (an older form) are saved as before.
/// </summary>
public static class ChangedMeanwhile
{
    /// <summary>The outcome for one row (<see cref="StaleRow"/>, the rule the score sheet follows too).</summary>
    /// <param name="shown">What the page showed for the row; null when the post carried no stamp for it.</param>
    /// <param name="current">The stamp of the mark stored now (<see cref="MarkStamp.None"/> when none).</param>
    /// <param name="posted">The mark the post asks for.</param>
    public static StaleRowOutcome Decide(ShownRow? shown, MarkStamp current, AttendanceMark posted) => shown is { } row
        ? StaleRow.Decide(changedMeanwhile: row.Stamp != current, postedAsShown: posted == row.Untouched, postedAsStored: posted == current.Mark)
        : StaleRowOutcome.Write;
}
