using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.Courses.Sessions;

/// <summary>
/// The projector view: the session's current 6-digit check-in code in large type and a QR code of
/// /My/CheckIn?code=…; the page reloads itself when the code rotates. Outside the validity window it
/// says when check-in opens or that it has closed.
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class CodeModel(TalentHubDbContext db, TimeProvider clock) : PageModel
{
    public SessionAccess.SessionHead Session { get; private set; } = null!;
    public string? Code { get; private set; }
    public string? QrSvg { get; private set; }
    public string? CheckInUrl { get; private set; }
    public DateTimeOffset Now { get; private set; }
    /// <summary>Seconds until the page reloads (the code rotates or check-in opens).</summary>
    public int RefreshSeconds { get; private set; } = 60;

    public async Task<IActionResult> OnGetAsync(int id, int sessionId)
    {
        if (await SessionAccess.FindAsync(db, id, sessionId, User) is not { } session) return NotFound();
        if (session.Secret is null)
        {
            // The secret is made when the code is first shown; the session row is loaded through the visible course.
            var row = await db.CourseSessions.FirstAsync(s => s.Id == sessionId && s.CourseId == id);
            if (row.EnsureCheckInSecret()) await db.SaveChangesAsync();
            session = session with { Secret = row.CheckInSecret };
        }
        Session = session;
        Now = clock.GetUtcNow();
        if (CheckInCode.IsOpen(session.StartsAt, session.EndsAt, Now) && SessionAccess.CanMark(session.CourseStatus))
        {
            Code = CheckInCode.Current(session.Secret!, Now);
            CheckInUrl = $"{Request.Scheme}://{Request.Host}/My/CheckIn?code={Code}";
            QrSvg = QrCodes.Svg(CheckInUrl);
            RefreshSeconds = Math.Max(1, (int)Math.Ceiling((CheckInCode.WindowEnds(Now) - Now).TotalSeconds));
        }
        else if (Now < session.StartsAt - CheckInCode.OpensBefore)
            RefreshSeconds = (int)Math.Clamp((session.StartsAt - CheckInCode.OpensBefore - Now).TotalSeconds, 1, 300);
        return Page();
    }
}
