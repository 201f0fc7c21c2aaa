using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Pages.Admin.Users;
using TalentHub.Web.Services.Audit;
using System.Globalization;

namespace TalentHub.Web.Pages.Training.Courses.Sessions;

/// <summary>
/// The projector view: the session's current 6-digit check-in code in large type and a QR code of
/// /My/CheckIn?code=…; the page reloads itself when the code rotates. Outside the validity window it
/// says when check-in opens or that it has closed. Reading it changes nothing: the session's check-in secret is made by a
/// post (the session header's "check-in code" button, or the button this page shows while there is none), audited.
/// </summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class CodeModel(TalentHubDbContext db, TimeProvider clock, AuditLog audit) : PageModel
{
    /// <summary>True when check-in may still be started for the session (no secret yet, a course that takes marks, not ended).</summary>
    public bool CanStart { get; private set; }
    /// <summary>True on the session's own day (Asia/Shanghai), the only day check-in may be started (<see cref="CheckInCode.MayStart"/>).</summary>
    public bool OnTheDay { get; private set; }
    /// <summary>Why the post did not start check-in (shown where the start button is), or null.</summary>
    public string? Error { get; private set; }

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
        return Show(session);
    }

    private PageResult Show(SessionAccess.SessionHead session)
    {
        Session = session;
        Now = clock.GetUtcNow();
        CanStart = Startable(session, Now);
        OnTheDay = CheckInCode.MayStart(session.StartsAt, session.EndsAt, Now);
        if (session.Secret is not null && CheckInCode.IsOpen(session.StartsAt, session.EndsAt, Now) && SessionAccess.CanMark(session.CourseStatus))
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

    /// <summary>
    /// Starts check-in for the session: makes its check-in secret once (a conditional update, so two trainers pressing at the same
    /// moment make one), audits it, and shows the code. Another county's or another trainer's session: 404; a session that
    /// cannot take marks, has ended or already has a secret: nothing changes. Before the session's day (Asia/Shanghai) nothing
    /// changes either: the page comes back with <c>CheckInCode.OnlyOnTheDay</c> where the start button is.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(int id, int sessionId, [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l,
        CancellationToken ct)
    {
        if (await SessionAccess.FindAsync(db, id, sessionId, User, ct) is not { } session) return NotFound();
        var now = clock.GetUtcNow();
        if (Startable(session, now) && !CheckInCode.MayStart(session.StartsAt, session.EndsAt, now))
        {
            Error = l["CheckInCode.OnlyOnTheDay", DayOf(session.StartsAt)].Value;
            return Show(session);
        }
        if (Startable(session, now))
        {
            var secret = CheckInCode.NewSecret();
            // The secret and its audit entry are kept together or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var made = await db.CourseSessions.Where(s => s.Id == sessionId && s.CourseId == id && s.CheckInSecret == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.CheckInSecret, secret), ct);
            if (made == 1)
            {
                var county = await db.Courses.AsNoTracking().Where(c => c.Id == id).Select(c => c.CountyCode).FirstAsync(ct);
                audit.Record(AuditAction.Update, nameof(CourseSession), sessionId.ToString(CultureInfo.InvariantCulture),
                    UserAccounts.Changes(("CheckInStarted", false, true)), county);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        return RedirectToPage(new { id, sessionId });
    }

    /// <summary>The session's day as the page shows dates (2027年3月5日).</summary>
    public static string DayOf(DateTimeOffset startsAt) => ShanghaiTime.FormatDate(DateOnly.FromDateTime(startsAt.ToShanghai().DateTime));

    private static bool Startable(SessionAccess.SessionHead session, DateTimeOffset now) =>
        session.Secret is null && SessionAccess.CanMark(session.CourseStatus) && now < session.EndsAt;
}
