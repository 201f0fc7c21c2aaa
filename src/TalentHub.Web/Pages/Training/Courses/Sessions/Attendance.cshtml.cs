using System.Security.Claims;
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
/// Roll call for one session: Present / Late / Absent / Excused for every trainee in one form. Saving
/// sets the marks chosen and keeps the others; "all present" marks only those without a mark.
/// Corrections are audited by the interceptor (who, when, before/after).
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class AttendanceModel(TalentHubDbContext db, AttendanceService attendance, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionAccess.SessionHead Session { get; private set; } = null!;
    public IReadOnlyList<RollEntry> Roll { get; private set; } = [];
    /// <summary>Why the marks were not saved (shown above the roll), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Enrollment id → mark, as posted by the radio buttons.</summary>

    public async Task<IActionResult> OnGetAsync(int id, int sessionId)
    {
        if (await SessionAccess.FindAsync(db, id, sessionId, User) is not { } session) return NotFound();
        Session = session;
        Roll = await attendance.RollAsync(id, sessionId);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int sessionId)
    {
        if (await SessionAccess.FindAsync(db, id, sessionId, User) is not { } session) return NotFound();
        if (!SessionAccess.CanMark(session.CourseStatus)) return Refuse();
        if (!SessionAccess.HasOpened(session, clock.GetUtcNow())) return Refuse("Attendance.NotStarted");
        // A mark that is not one of the four (a tampered "42") saves nothing (review12); no mark chosen saves nothing either.
        if (!SessionAccess.TryReadMarks(Request, out var marks)) return Refuse("Attendance.MarkInvalid");
        return await SaveAsync(session, marks);
    }

    public async Task<IActionResult> OnPostAllPresentAsync(int id, int sessionId)
    {
        if (await SessionAccess.FindAsync(db, id, sessionId, User) is not { } session) return NotFound();
        if (!SessionAccess.CanMark(session.CourseStatus)) return Refuse();
        if (!SessionAccess.HasOpened(session, clock.GetUtcNow())) return Refuse("Attendance.NotStarted");
        var unmarked = (await attendance.RollAsync(id, sessionId)).Where(r => r.Mark is null)
            .ToDictionary(r => r.EnrollmentId, _ => AttendanceMark.Present);
        return await SaveAsync(session, unmarked);
    }

    /// <summary>
    /// Saves the marks and redirects with what changed; when a racing writer made the save fail (Attendance.ResultsRaced, nothing
    /// saved) the page is shown again with the error and the marks as they are now.
    /// </summary>
    private async Task<IActionResult> SaveAsync(SessionAccess.SessionHead session, IReadOnlyDictionary<int, AttendanceMark> marks)
    {
        try
        {
            var saved = await attendance.SetMarksAsync(session.CourseId, session.SessionId, marks, AttendanceSource.RollCall, User.Identity?.Name);
            TempData["Flash"] = SessionAccess.SavedText(l, saved);
            return RedirectToPage(new { id = session.CourseId, sessionId = session.SessionId });
        }
        catch (DomainException ex)
        {
            Error = l[ex.MessageKey, ex.Args];
            Session = session;
            Roll = await attendance.RollAsync(session.CourseId, session.SessionId);
            return Page();
        }
    }

    private IActionResult Refuse(string key = "Attendance.NotOpen")
    {
        TempData["Flash"] = l[key].Value;
        return RedirectToPage();
    }
}
