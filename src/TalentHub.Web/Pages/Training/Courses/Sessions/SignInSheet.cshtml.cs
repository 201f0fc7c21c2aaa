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
/// <see cref="AttendanceService.SetMarksAsync"/> (audit, completion re-decision, race refusal).
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class SignInSheetModel(TalentHubDbContext db, AttendanceService attendance, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionAccess.SessionHead Session { get; private set; } = null!;
    public IReadOnlyList<RollEntry> Roll { get; private set; } = [];
    /// <summary>Why the ticks were not saved (shown above the sheet), or null.</summary>
    public string? Error { get; private set; }

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
        if (!SessionAccess.TryReadMarks(Request, out var chosen, out var onSheet))
        {
            TempData["Flash"] = l["Attendance.MarkInvalid"].Value;
            return RedirectToPage();
        }
        var roll = await attendance.RollAsync(id, sessionId);
        var marks = SignInSheetEntry.Marks(roll.Select(r => (r.EnrollmentId, r.Mark)), onSheet.Union(Signed).ToHashSet(), Signed.ToHashSet(), chosen);
        try
        {
            var saved = await attendance.SetMarksAsync(id, sessionId, marks, AttendanceSource.SignInSheet, User.Identity?.Name);
            TempData["Flash"] = SessionAccess.SavedText(l, saved);
            return RedirectToPage("Attendance", new { id, sessionId });
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
