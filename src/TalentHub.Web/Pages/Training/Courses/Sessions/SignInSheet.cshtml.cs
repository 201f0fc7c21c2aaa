using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.Courses.Sessions;

/// <summary>
/// The paper sign-in sheet (签到表) for village classrooms: prints on A4 with the roster (masked ID and a
/// signature column); afterwards the clerk ticks the signed rows in one go and may pick another mark for a row. What each row
/// becomes is <see cref="SignInSheetEntry.Marks"/> (a Present corrected to Absent included); saving goes through the roll call's
/// <see cref="AttendanceService.SetMarksAsync"/> (audit, completion re-decision, race refusal). Each row posts the stamp of the
/// mark it showed (<see cref="MarkStamp"/>): the sheet is read against those marks, and a mark set after it was opened (a check-in,
/// the roll call) is not overwritten (<see cref="ChangedMeanwhile"/>; an unticked row left as shown counts as untouched).
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class SignInSheetModel(TalentHubDbContext db, AttendanceService attendance, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionAccess.SessionHead Session { get; private set; } = null!;
    public IReadOnlyList<RollEntry> Roll { get; private set; } = [];
    /// <summary>Why the ticks were not saved (shown above the sheet), or null.</summary>
    public string? Error { get; private set; }
    /// <summary>The trainees whose mark changed meanwhile was kept rather than overwritten (shown above the sheet), or null.</summary>
    public string? Kept { get; private set; }
    /// <summary>Enrollment ids of the rows named in <see cref="Kept"/> (highlighted).</summary>
    public IReadOnlySet<int> KeptRows { get; private set; } = new HashSet<int>();

    /// <summary>Enrollment ids of the rows that carry a signature.</summary>
    [BindProperty] public List<int> Signed { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int sessionId)
    {
        if (await SessionAccess.FindAsync(db, id, sessionId, User) is not { } session) return NotFound();
        Session = session;
        Roll = await attendance.RollAsync(id, sessionId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int sessionId)
    {
        if (await SessionAccess.FindAsync(db, id, sessionId, User) is not { } session) return NotFound();
        if (!SessionAccess.CanMark(session.CourseStatus) || !SessionAccess.HasOpened(session, clock.GetUtcNow()))
        {
            TempData["Flash"] = l[SessionAccess.CanMark(session.CourseStatus) ? "Attendance.NotStarted" : "Attendance.NotOpen"].Value;
            return RedirectToPage();
        }
        // A mark that cannot be read (a tampered "42") saves nothing, as on the roll call.
        // A stamp that cannot be read says nothing about what the row showed: nothing saved either.
        var readable = SessionAccess.TryReadMarks(Request, out var chosen, out var onSheet);
        if (!readable || !SessionAccess.TryReadStamps(Request, out var stamps))
        {
            TempData["Flash"] = l[readable ? "Form.Expired" : "Attendance.MarkInvalid"].Value;
            return RedirectToPage();
        }
        // Each row is read against the mark the sheet showed (its stamp; the stored mark for a row posted without one), so a
        // row left as shown asks for what it showed; what it shows untouched is that mark, or Absent for a row with none.
        var roll = await attendance.RollAsync(id, sessionId);
        var asShown = roll.Select(r => (r.EnrollmentId, stamps.TryGetValue(r.EnrollmentId, out var stamp) ? stamp.Mark : r.Mark));
        var marks = SignInSheetEntry.Marks(asShown, onSheet.Union(Signed).ToHashSet(), Signed.ToHashSet(), chosen);
        var shown = stamps.ToDictionary(s => s.Key, s => new ShownRow(s.Value, s.Value.Mark ?? AttendanceMark.Absent));
        try
        {
            var saved = await attendance.SetMarksAsync(id, sessionId, marks, AttendanceSource.SignInSheet, User.Identity?.Name, shown);
            TempData["Flash"] = SessionAccess.SavedText(l, saved);
            if (SessionAccess.KeptText(l, saved) is not { } kept) return RedirectToPage("Attendance", new { id, sessionId });
            // Saved but for rows changed meanwhile: the sheet again with them named and as they are now (stamps renewed).
            (Kept, KeptRows) = (kept, saved.Kept.Select(k => k.EnrollmentId).ToHashSet());
            Session = session;
            Roll = await attendance.RollAsync(id, sessionId);
            return Page();
        }
        catch (DomainException ex)
        {
            // A racing writer made the save fail (Attendance.ResultsRaced): nothing was saved; show the sheet again with the error.
            Error = l[ex.MessageKey, ex.Args];
            Session = session;
            Roll = await attendance.RollAsync(id, sessionId);
            return Page();
        }
    }
}
