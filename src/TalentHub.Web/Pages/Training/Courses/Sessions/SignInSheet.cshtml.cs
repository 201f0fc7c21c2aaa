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
/// signature column); afterwards the clerk ticks the signed rows in one go. Ticked rows become Present
/// (an attended mark already there is kept); unticked rows without a mark become Absent.
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
        var signed = Signed.ToHashSet();
        var marks = new Dictionary<int, AttendanceMark>();
        foreach (var r in await attendance.RollAsync(id, sessionId))
        {
            if (signed.Contains(r.EnrollmentId) && r.Mark is not (AttendanceMark.Present or AttendanceMark.Late)) marks[r.EnrollmentId] = AttendanceMark.Present;
            else if (!signed.Contains(r.EnrollmentId) && r.Mark is null) marks[r.EnrollmentId] = AttendanceMark.Absent;
        }
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
