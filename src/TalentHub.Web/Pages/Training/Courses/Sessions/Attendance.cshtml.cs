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
/// Corrections are audited by the interceptor (who, when, before/after). Each row posts the stamp of the mark it showed
/// (<see cref="MarkStamp"/>), so a mark set after the page was loaded (a check-in, another clerk) is not overwritten
/// (<see cref="ChangedMeanwhile"/>): the other rows are saved and the page names the trainees whose newer mark was kept.
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class AttendanceModel(TalentHubDbContext db, AttendanceService attendance, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionAccess.SessionHead Session { get; private set; } = null!;
    public IReadOnlyList<RollEntry> Roll { get; private set; } = [];
    /// <summary>Why the marks were not saved (shown above the roll), or null.</summary>
    public string? Error { get; private set; }
    /// <summary>The trainees whose mark changed meanwhile was kept rather than overwritten (shown above the roll), or null.</summary>
    public string? Kept { get; private set; }
    /// <summary>Enrollment ids of the rows named in <see cref="Kept"/> (highlighted).</summary>
    public IReadOnlySet<int> KeptRows { get; private set; } = new HashSet<int>();

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
        // A stamp that cannot be read says nothing about what the row showed: nothing saved, as for an unreadable mark.
        if (!SessionAccess.TryReadStamps(Request, out var stamps)) return Refuse("Form.Expired");
        return await SaveAsync(session, marks, stamps.ToDictionary(s => s.Key, s => new ShownRow(s.Value, s.Value.Mark)));
    }

    public async Task<IActionResult> OnPostAllPresentAsync(int id, int sessionId)
    {
        if (await SessionAccess.FindAsync(db, id, sessionId, User) is not { } session) return NotFound();
        if (!SessionAccess.CanMark(session.CourseStatus)) return Refuse();
        if (!SessionAccess.HasOpened(session, clock.GetUtcNow())) return Refuse("Attendance.NotStarted");
        var unmarked = (await attendance.RollAsync(id, sessionId)).Where(r => r.Mark is null)
            .ToDictionary(r => r.EnrollmentId, _ => AttendanceMark.Present);
        // Read at post time; a mark set between this read and the save's (a late check-in) is kept quietly: "all present" picks
        // no mark for any one row, so it is as if that row was left untouched.
        return await SaveAsync(session, unmarked, unmarked.ToDictionary(u => u.Key, _ => new ShownRow(MarkStamp.None, AttendanceMark.Present)));
    }

    /// <summary>
    /// Saves the marks and redirects with what changed; when rows changed meanwhile were kept, the page is shown again with what
    /// was saved, those trainees named and their rows as they are now (stamps renewed, so saving again overwrites knowingly).
    /// When a racing writer made the save fail (Attendance.MarksRaced or ResultsRaced, nothing saved) the page is shown again with
    /// the error and the marks as they are now.
    /// </summary>
    private async Task<IActionResult> SaveAsync(SessionAccess.SessionHead session, IReadOnlyDictionary<int, AttendanceMark> marks,
        IReadOnlyDictionary<int, ShownRow> shown)
    {
        try
        {
            var saved = await attendance.SetMarksAsync(session.CourseId, session.SessionId, marks, AttendanceSource.RollCall, User.Identity?.Name, shown);
            TempData["Flash"] = SessionAccess.SavedText(l, saved);
            if (SessionAccess.KeptText(l, saved) is not { } kept) return RedirectToPage(new { id = session.CourseId, sessionId = session.SessionId });
            (Kept, KeptRows) = (kept, saved.Kept.Select(k => k.EnrollmentId).ToHashSet());
            Session = session;
            Roll = await attendance.RollAsync(session.CourseId, session.SessionId);
            return Page();
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
