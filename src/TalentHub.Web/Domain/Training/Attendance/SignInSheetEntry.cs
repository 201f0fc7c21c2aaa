namespace TalentHub.Web.Domain.Training;

/// <summary>
/// What entering a paper sign-in sheet (签到表) sets for each row on the roll (PRODUCT.md §5 考勤). A mark chosen for the row
/// wins (any of Present, Late, Absent, Excused — a Present corrected to Absent included); otherwise the tick decides: a signed
/// row is Present (a Late already there stays Late), an unsigned row is Absent (an Excused already there stays Excused).
/// The marks go through the same <c>AttendanceService.SetMarksAsync</c> as the roll call (rules, audit, completion re-decision).
/// </summary>
public static class SignInSheetEntry
{
    /// <summary>
    /// The mark for every row of the posted sheet (enrollment id → mark); rows whose mark does not change are left out, and so
    /// is a trainee the sheet had no row for (enrolled after it was opened, or a post naming rows of no roll): an unticked
    /// row means "did not sign", a missing row means nothing.
    /// </summary>
    /// <param name="roll">Every trainee on the roll with the mark they have now (null when none was taken).</param>
    /// <param name="onSheet">Enrollment ids the posted sheet had a row for.</param>
    /// <param name="signed">Enrollment ids of the ticked (signed) rows.</param>
    /// <param name="chosen">Enrollment id → a mark picked for the row, which overrides the tick.</param>
    public static Dictionary<int, AttendanceMark> Marks(IEnumerable<(int EnrollmentId, AttendanceMark? Current)> roll,
        IReadOnlySet<int> onSheet, IReadOnlySet<int> signed, IReadOnlyDictionary<int, AttendanceMark> chosen)
    {
        var marks = new Dictionary<int, AttendanceMark>();
        foreach (var (id, current) in roll.Where(r => onSheet.Contains(r.EnrollmentId)))
        {
            var mark = chosen.TryGetValue(id, out var picked) ? picked
                : signed.Contains(id) ? (current is AttendanceMark.Late ? AttendanceMark.Late : AttendanceMark.Present)
                : current is AttendanceMark.Excused ? AttendanceMark.Excused : AttendanceMark.Absent;
            if (mark != current) marks[id] = mark;
        }
        return marks;
    }
}
